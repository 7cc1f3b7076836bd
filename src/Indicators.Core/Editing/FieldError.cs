namespace Indicators.Core.Editing;

/// <summary>
/// What is wrong with one field of something being edited or imported, in Swedish. <see cref="Field"/> is the draft's
/// property path ("EndYear", "Targets[2].BandMin"), so a form can put the message beside its field and an import can
/// map it to a line.
/// </summary>
public sealed record FieldError(string Field, string Message);

/// <summary>A change that breaks the rules: nothing was saved. The errors are in Swedish, for the person who made it.</summary>
public sealed class InvalidEditException : Exception
{
    public InvalidEditException(IReadOnlyList<FieldError> errors)
        : base(string.Join(" ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Message))) => Errors = errors;

    public InvalidEditException(string field, string message)
        : this([new FieldError(field, message)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>Someone else saved the same thing after it was opened here: nothing was saved, so their change is not lost.</summary>
public sealed class EditConflictException(string message) : Exception(message);
