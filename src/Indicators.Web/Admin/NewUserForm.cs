using System.ComponentModel.DataAnnotations;

namespace Indicators.Web.Admin;

/// <summary>
/// The form for a new local account; messages in Swedish, as the page shows them. No password: the account gets a
/// one-time password (<see cref="OneTimePassword"/>) that its owner changes at the first sign-in.
/// </summary>
public sealed class NewUserForm
{
    [Required(ErrorMessage = "Ange ett användarnamn.")]
    [RegularExpression(@"^[A-Za-z0-9._@-]{2,64}$", ErrorMessage = "Användarnamnet får bara innehålla bokstäver a–z, siffror och . _ @ - (2–64 tecken).")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Ange ett namn.")]
    [StringLength(200, ErrorMessage = "Namnet får vara högst 200 tecken.")]
    public string? DisplayName { get; set; }

    public RolesForm Roles { get; set; } = new();
}
