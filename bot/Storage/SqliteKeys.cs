using Kinerja.Domain.Kontrak;

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

    /// <summary>
    /// The key of a person in <c>percakapan</c>: the Entra ID object id, a GUID that Teams and Graph may write in
    /// either case, trimmed and lower-cased (invariant).
    /// </summary>
    public static string Aad(string aadObjectId) => aadObjectId.Trim().ToLowerInvariant();

    /// <summary>
    /// A stored time whose text orders like the time: UTC, fixed width (<c>2026-11-28T03:10:00.0000000Z</c>), so
    /// "is the stored event newer?" is one string comparison inside the write's own statement.
    /// </summary>
    public static string Waktu(DateTimeOffset waktu) =>
        waktu.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The key columns of a contract's rows (<c>kantor</c>, <c>tahun</c>, <c>nip</c>): the office key, the year, the 18-digit NIP.</summary>
    public static (string Kantor, int Tahun, string Nip) Skp(KunciSkp kunci) => (Kantor(kunci.KodeKantor), kunci.Tahun, kunci.Pemilik.Value);

    /// <summary>
    /// The key of a card in <c>skp_kartu</c>: the conversation id and the activity id exactly as the connector gave
    /// them (opaque, case-sensitive, never parsed or normalised: the PUT must send them back unchanged).
    /// </summary>
    public static (string ConversationId, string ActivityId) KartuSkp(string conversationId, string activityId) => (conversationId, activityId);
}
