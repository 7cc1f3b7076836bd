using System.ComponentModel.DataAnnotations;

namespace Indicators.Web.Admin;

/// <summary>The form for a new local account; messages in Swedish, as the page shows them.</summary>
public sealed class NewUserForm : IValidatableObject
{
    [Required(ErrorMessage = "Ange ett användarnamn.")]
    [RegularExpression(@"^[A-Za-z0-9._@-]{2,64}$", ErrorMessage = "Användarnamnet får bara innehålla bokstäver a–z, siffror och . _ @ - (2–64 tecken).")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Ange ett namn.")]
    [StringLength(200, ErrorMessage = "Namnet får vara högst 200 tecken.")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Ange ett lösenord.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Lösenordet ska vara minst 12 tecken.")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Välj en roll.")]
    public string? Role { get; set; }

    /// <summary>The nämnd of a Nämnd role, by id: codes repeat across organisations.</summary>
    public int? CommitteeId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Role is not null && !Security.Roles.All.Contains(Role))
        {
            yield return new ValidationResult("Okänd roll.", [nameof(Role)]);
        }

        if (Role == Security.Roles.Committee && CommitteeId is null)
        {
            yield return new ValidationResult("En nämndroll behöver en nämnd.", [nameof(CommitteeId)]);
        }
    }
}
