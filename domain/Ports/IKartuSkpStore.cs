using Kinerja.Domain.Kontrak;

namespace Kinerja.Domain.Ports;

/// <summary>
/// One SKP card the bot put into someone's chat: which contract it shows, who looks at it (the Entra ID object id,
/// through which the person's NIP and view are found again, and the Teams user id), and where it is (service URL,
/// conversation id, the activity id the connector answered with). Ids are opaque strings: stored and sent back.
/// </summary>
public sealed record KartuSkp(
    KunciSkp Kunci,
    string AadObjectId,
    string? UserId,
    string ServiceUrl,
    string ConversationId,
    string ActivityId,
    DateTimeOffset DiingatPada);

/// <summary>
/// The SKP cards already in people's chats, so that after every transition each of them is updated in place (PUT)
/// instead of waiting for Teams' automatic refresh. A port of its own rather than part of <see cref="IKontrakStore"/>:
/// the workflow and its audit trail are the record of the decision and are never forgotten, while these rows are
/// delivery bookkeeping that may be forgotten at any time (a deleted card, an old one) without changing any
/// decision. A card is identified by its conversation and activity id; remembering it again (the same message now
/// showing another contract, or seen again) replaces the earlier row. Only the newest few cards per contract and
/// person are kept.
/// </summary>
public interface IKartuSkpStore
{
    /// <summary>How many cards per contract and person are kept; older ones are forgotten when a new one is remembered.</summary>
    const int BatasPerOrang = 5;

    /// <summary>Remembers (or replaces, by conversation and activity id) a card.</summary>
    Task IngatAsync(KartuSkp kartu, CancellationToken cancellationToken);

    /// <summary>The remembered cards of a contract, oldest first.</summary>
    Task<IReadOnlyList<KartuSkp>> DaftarAsync(KunciSkp kunci, CancellationToken cancellationToken);

    /// <summary>Forgets a card (it was deleted from the chat); false when it was not remembered.</summary>
    Task<bool> LupakanAsync(string conversationId, string activityId, CancellationToken cancellationToken);
}
