using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Ports;

/// <summary>
/// Why a person cannot be reached by the bot. The values follow the connector's and Graph's refusals
/// (botframework-protocol.md §2.3, §5.2); the raw code is kept beside it in <see cref="TidakTerjangkau.KodeGalat"/>.
/// </summary>
public enum AlasanTidakTerjangkau
{
    /// <summary>The bot is not in the person's chat: the app is not (or no longer) installed for them.</summary>
    BotTidakTerpasang,

    /// <summary>The person blocked the bot in their chat.</summary>
    DiblokirPengguna,

    /// <summary>The tenant's admin disabled or blocked the app.</summary>
    DinonaktifkanAdmin,

    /// <summary>Any other permanent refusal (the code says which).</summary>
    Lainnya,
}

/// <summary>
/// What the bot needs to write to a person later in their 1:1 chat (botframework-protocol.md §3): the connector's
/// service URL and conversation id, the tenant, the person's ids and the bot's. Ids are opaque strings: they are
/// stored and sent back, never parsed. <see cref="DiperbaruiPada"/> is the time of the event that produced it (the
/// activity's timestamp), so an older event never replaces a newer reference. A reference whose app was removed is
/// kept with <see cref="DihapusPada"/> set: the person may come back, and coordinators see who removed it.
/// </summary>
/// <param name="AadObjectId">The person's Entra ID object id: the key.</param>
/// <param name="ServiceUrl">The connector endpoint to send to; refreshed by every activity of the chat.</param>
/// <param name="ConversationId">The 1:1 chat's id.</param>
/// <param name="TenantId">The organisation's Entra ID tenant.</param>
/// <param name="UserId">The person's id in the channel (<c>29:…</c> in Teams); unknown when the chat was found through Graph.</param>
/// <param name="BotId">The bot's id in the channel (<c>28:{appId}</c> in Teams).</param>
/// <param name="ChannelId">The channel (<c>msteams</c>).</param>
/// <param name="DiperbaruiPada">When the event that produced this reference happened.</param>
/// <param name="DihapusPada">When the app was removed from the chat; null while it is installed.</param>
public sealed record ReferensiPercakapan(
    string AadObjectId,
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? UserId,
    string? BotId,
    string ChannelId,
    DateTimeOffset DiperbaruiPada,
    DateTimeOffset? DihapusPada = null)
{
    /// <summary>True when the person (or an admin) removed the app from this chat.</summary>
    public bool Dihapus => DihapusPada is not null;
}

/// <summary>
/// The person's language and IANA time zone as their Teams client reports them (the <c>clientInfo</c> entity).
/// Later features may use them to write at a sensible local hour; the office's zone stays the default.
/// </summary>
public sealed record LokalPengguna(string? Locale, string? ZonaWaktu, DateTimeOffset DiperbaruiPada);

/// <summary>A permanent refusal to reach a person, and when it was seen.</summary>
public sealed record TidakTerjangkau(AlasanTidakTerjangkau Alasan, string? KodeGalat, DateTimeOffset Pada);

/// <summary>Everything remembered about reaching one person.</summary>
public sealed record Percakapan(string AadObjectId, ReferensiPercakapan? Referensi, LokalPengguna? Lokal, TidakTerjangkau? TidakTerjangkau);

/// <summary>Where an employee stands for the bot's messages, as coordinators see it.</summary>
public enum KeadaanJangkauan
{
    /// <summary>Not yet linked to a Teams account (never talked to the bot, not matched by the directory sync).</summary>
    BelumTerkait,

    /// <summary>Linked, but there is no chat with the bot yet (the bot may still install itself for them).</summary>
    BelumAdaPercakapan,

    /// <summary>The app was removed from their chat.</summary>
    AplikasiDihapus,

    /// <summary>A refusal was recorded (see the reason).</summary>
    TidakTerjangkau,
}

/// <summary>One employee of an office the bot cannot (yet) write to, and why.</summary>
public sealed record PegawaiTidakTerjangkau(
    Nip Nip,
    string Nama,
    string? AadObjectId,
    KeadaanJangkauan Keadaan,
    AlasanTidakTerjangkau? Alasan,
    string? KodeGalat,
    DateTimeOffset? Sejak);

/// <summary>
/// Per person (keyed by the Entra ID object id): the conversation reference for proactive messages, the client's
/// locale and time zone, and whether the person can be reached. Named for what the coordinators ask of it ("can the
/// bot reach this employee, and if not, why?"), not for the Bot Framework's term: no channel type crosses this port.
/// Every write is ordered by the time of the event that caused it; an older event never overwrites a newer one.
/// </summary>
public interface IPercakapanStore
{
    /// <summary>What is known about the person, or null when nothing is.</summary>
    Task<Percakapan?> CariAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the reference unless the stored one is newer (by <see cref="ReferensiPercakapan.DiperbaruiPada"/>; the
    /// later of two equal times wins). A live (not removed) reference clears an older refusal. Returns true when it
    /// was saved.
    /// </summary>
    Task<bool> SimpanReferensiAsync(ReferensiPercakapan referensi, CancellationToken cancellationToken);

    /// <summary>Saves the person's locale and time zone unless newer ones are stored.</summary>
    Task<bool> SimpanLokalAsync(string aadObjectId, LokalPengguna lokal, CancellationToken cancellationToken);

    /// <summary>Records a refusal unless a newer refusal or a newer reference is stored.</summary>
    Task<bool> TandaiTidakTerjangkauAsync(string aadObjectId, TidakTerjangkau tidakTerjangkau, CancellationToken cancellationToken);

    /// <summary>
    /// The office's employees the bot cannot write to yet, in the office's order, through the remembered Teams
    /// account of each (<see cref="IPenggunaStore"/>): not linked, no chat yet, app removed, or refused.
    /// </summary>
    Task<IReadOnlyList<PegawaiTidakTerjangkau>> DaftarTidakTerjangkauAsync(string kodeKantor, CancellationToken cancellationToken);
}
