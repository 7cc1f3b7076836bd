namespace Indicators.Core.Editing;

/// <summary>Collects the problems of a draft, each under its field; <see cref="ThrowIfAny"/> ends the check.</summary>
public sealed class Validation
{
    readonly List<FieldError> errors = [];

    public IReadOnlyList<FieldError> Errors => errors;

    public bool IsValid => errors.Count == 0;

    public Validation Add(string field, string message)
    {
        errors.Add(new FieldError(field, message));
        return this;
    }

    /// <summary>Adds the errors of a part (a target of an indicator) under the part's own path: "Targets[2].Value".</summary>
    public Validation AddAll(string prefix, IEnumerable<FieldError> partErrors)
    {
        ArgumentNullException.ThrowIfNull(partErrors);
        errors.AddRange(partErrors.Select(e => e with { Field = $"{prefix}.{e.Field}" }));
        return this;
    }

    /// <summary>A required text: present, not only spaces, and at most <paramref name="maxLength"/> characters.</summary>
    public Validation RequireText(string field, string? value, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Ange {label}.");
        }
        else if (value.Trim().Length > maxLength)
        {
            Add(field, $"{Capitalise(label)} får vara högst {maxLength} tecken (nu {value.Trim().Length}).");
        }

        return this;
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters.</summary>
    public Validation LimitText(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            Add(field, $"{Capitalise(label)} får vara högst {maxLength} tecken (nu {value.Trim().Length}).");
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors.ToList());
        }
    }

    /// <summary>Trims and turns an empty text into null, as drafts are stored.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static string Capitalise(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
