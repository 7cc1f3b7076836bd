using YamlDotNet.Core;

namespace Indicators.Data.PlanCode;

/// <summary>What reading one plan document collects: where each part is and what was wrong, by line and column.</summary>
internal sealed class ReadContext
{
    public Dictionary<object, Marks> Marks { get; } = new(ReferenceEqualityComparer.Instance);

    public List<PlanCodeError> Errors { get; } = [];

    public void Error(Mark mark, string message) => Errors.Add(new PlanCodeError((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), message));

    public void Error(Where where, string message) => Errors.Add(new PlanCodeError(where.Line, where.Column, message));
}
