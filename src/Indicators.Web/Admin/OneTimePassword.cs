using System.Security.Cryptography;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Identity;

namespace Indicators.Web.Admin;

/// <summary>
/// The password an administrator hands over when creating an account or resetting its password: random, shown once on
/// the administrator's page, stored only as a hash, and to be changed by its owner at the first sign-in.
/// </summary>
public static class OneTimePassword
{
    /// <summary>No 0/o, 1/l/i: read aloud or copied by hand without mistakes.</summary>
    const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>Four groups of four (about 79 bits): "k7mq-3hxa-…", longer than the shortest password we accept.</summary>
    public static string Generate() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4))));

    public static string Hash(string userName, string password) =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(0, userName, userName, null, 0, null, true), password);
}
