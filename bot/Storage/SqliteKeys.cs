namespace KinerjaBot.Storage;

/// <summary>
/// The key scheme of the SQLite adapters, in one place (architecture.md habit 9). An office is keyed by the code of
/// its top unit, compared without regard to case (<c>kppn-metro</c> finds <c>KPPN-METRO</c>); a sign-in e-mail is
/// compared without regard to case either (Entra ID user principal names are case-insensitive).
/// Rows of an office carry the office key; rows of a year carry (office key, year); everything else hangs off those.
/// </summary>
internal static class SqliteKeys
{
    /// <summary>The key of an office: its top unit's code, trimmed and upper-cased (invariant).</summary>
    public static string Kantor(string kodeKantor) => kodeKantor.Trim().ToUpperInvariant();

    /// <summary>The lookup key of a sign-in e-mail.</summary>
    public static string Email(string email) => email.Trim().ToLowerInvariant();
}
