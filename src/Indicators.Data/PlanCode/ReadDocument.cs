namespace Indicators.Data.PlanCode;

/// <summary>Where a part of a document and each of its keys' values are, so later checks can name the line.</summary>
public sealed class Marks(Where self)
{
    public Where Self { get; } = self;

    public Dictionary<string, Where> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>The value's place for <paramref name="key"/>, or the part's own place when the key is absent.</summary>
    public Where Of(string key) => Keys.TryGetValue(key, out var where) ? where : Self;
}

/// <summary>A document as read: the parts (when the shape was right), where each part is, and what was wrong.</summary>
public sealed record ReadDocument(PlanDocument? Document, IReadOnlyDictionary<object, Marks> Marks, IReadOnlyList<PlanCodeError> Errors)
{
    public Marks MarksOf(object part) => Marks.TryGetValue(part, out var marks) ? marks : new Marks(new Where(1, 1));
}
