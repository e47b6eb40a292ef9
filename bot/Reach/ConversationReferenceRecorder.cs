using System.Text.Json;
using System.Text.RegularExpressions;
using Kinerja.Domain.Ports;
using KinerjaBot.Protocol;

namespace KinerjaBot.Reach;

/// <summary>
/// Remembers how to reach each person, from what Teams sends (botframework-protocol.md §3, §5.1):
/// <list type="bullet">
/// <item><c>installationUpdate</c> <c>add</c>/<c>add-upgrade</c> stores the reference, <c>remove</c>/<c>remove-upgrade</c> marks it removed;</item>
/// <item><c>conversationUpdate</c> whose <c>membersAdded</c> holds the bot stores the reference of the person(s) added
/// with it, whose <c>membersRemoved</c> holds the bot marks it removed;</item>
/// <item>every <c>message</c> and <c>invoke</c> refreshes it (Teams may move a chat to another service URL).</item>
/// </list>
/// Only activities of the person's 1:1 chat write a reference: a group chat or channel has another conversation id
/// and would send a later private message to the wrong place. The locale and time zone of the <c>clientInfo</c>
/// entity are the sender's wherever they write, so they are kept from any chat.
/// The time of a write is the activity's timestamp (never later than our clock), so a retried or delayed old
/// activity cannot replace what a newer one stored.
/// </summary>
public sealed partial class ConversationReferenceRecorder(
    IPercakapanStore store,
    TimeProvider time,
    ILogger<ConversationReferenceRecorder> logger) : IActivityObserver
{
    /// <summary>Longest id or URL kept; anything longer is not a Teams value and is not stored.</summary>
    private const int PanjangMaks = 1024;

    public async Task ObserveAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From;
        var botId = activity.Recipient?.Id;
        if (from?.Id is not { Length: > 0 } fromId || string.Equals(fromId, botId, StringComparison.Ordinal))
        {
            return;
        }

        var pada = Waktu(activity);
        if (Aad(from.AadObjectId) is { } pengirim && Lokal(activity, pada) is { } lokal)
        {
            await store.SimpanLokalAsync(pengirim, lokal, cancellationToken).ConfigureAwait(false);
        }

        if (!activity.IsPersonal)
        {
            return;
        }

        switch (activity.Type)
        {
            case "message" or "invoke":
                await SimpanAsync(activity, from, pada, dihapus: false, cancellationToken).ConfigureAwait(false);
                break;

            case "installationUpdate" when activity.Action is "add" or "add-upgrade":
                await SimpanAsync(activity, from, pada, dihapus: false, cancellationToken).ConfigureAwait(false);
                break;

            case "installationUpdate" when activity.Action is "remove" or "remove-upgrade":
                await SimpanAsync(activity, from, pada, dihapus: true, cancellationToken).ConfigureAwait(false);
                break;

            case "conversationUpdate":
                if (activity.MembersAdded?.Exists(m => IsBot(m, botId)) == true)
                {
                    foreach (var orang in Orang(activity.MembersAdded, from, botId))
                    {
                        await SimpanAsync(activity, orang, pada, dihapus: false, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (activity.MembersRemoved?.Exists(m => IsBot(m, botId)) == true)
                {
                    foreach (var orang in Orang(activity.MembersRemoved, from, botId))
                    {
                        await SimpanAsync(activity, orang, pada, dihapus: true, cancellationToken).ConfigureAwait(false);
                    }
                }

                break;
        }
    }

    private async Task SimpanAsync(Activity activity, ChannelAccount orang, DateTimeOffset pada, bool dihapus, CancellationToken cancellationToken)
    {
        if (Aad(orang.AadObjectId) is not { } aad)
        {
            // Without the Entra ID object id the person cannot be linked to an employee, nor found by a job.
            Log.Skipped(logger, activity.Type, "no aadObjectId");
            return;
        }

        if (!UrlLayanan(activity.ServiceUrl) || Id(activity.Conversation?.Id) is not { } conversationId
            || Id(activity.ChannelId) is not { } channelId || Id(orang.Id) is not { } userId)
        {
            Log.Skipped(logger, activity.Type, "no usable serviceUrl, conversation.id, channelId or member id");
            return;
        }

        var referensi = new ReferensiPercakapan(aad, activity.ServiceUrl!, conversationId, Id(activity.TenantId), userId, Id(activity.Recipient?.Id),
            channelId, pada, dihapus ? pada : null);
        if (await store.SimpanReferensiAsync(referensi, cancellationToken).ConfigureAwait(false))
        {
            Log.Recorded(logger, aad, activity.Type, dihapus);
        }
    }

    /// <summary>The people a membership change is about: the members other than the bot, else the sender.</summary>
    private static IEnumerable<ChannelAccount> Orang(List<ChannelAccount> anggota, ChannelAccount from, string? botId)
    {
        var orang = anggota.Where(m => !IsBot(m, botId) && m.Id is { Length: > 0 }).ToList();
        if (orang.Count == 0)
        {
            return [from];
        }

        // A member entry may lack the AAD id the sender carries (it is the same person in a 1:1 chat).
        return orang.Select(m => m.AadObjectId is null && string.Equals(m.Id, from.Id, StringComparison.Ordinal)
            ? new ChannelAccount { Id = m.Id, Name = m.Name, AadObjectId = from.AadObjectId, Role = m.Role }
            : m);
    }

    private static bool IsBot(ChannelAccount member, string? botId) =>
        botId is { Length: > 0 } && string.Equals(member.Id, botId, StringComparison.Ordinal);

    private DateTimeOffset Waktu(Activity activity)
    {
        var sekarang = time.GetUtcNow();
        return activity.Timestamp is { } t && t <= sekarang ? t : sekarang;
    }

    /// <summary>The sender's locale and IANA time zone: the <c>clientInfo</c> entity first, then the activity's own fields.</summary>
    private LokalPengguna? Lokal(Activity activity, DateTimeOffset pada)
    {
        string? locale = null;
        string? zona = null;
        var clientInfo = activity.Entities?.Find(e => e["type"] is { } t && t.GetValueKind() == JsonValueKind.String
                                                     && string.Equals(t.GetValue<string>(), "clientInfo", StringComparison.OrdinalIgnoreCase));
        if (clientInfo is not null)
        {
            locale = Teks(clientInfo["locale"]);
            zona = Teks(clientInfo["timezone"]);
        }

        locale ??= activity.Locale;
        zona ??= activity.LocalTimezone;
        locale = locale is not null && LocalePattern().IsMatch(locale) ? locale : null;
        zona = zona is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(zona, out _) ? zona : null;
        return locale is null && zona is null ? null : new LokalPengguna(locale, zona, pada);
    }

    private static string? Teks(System.Text.Json.Nodes.JsonNode? node) =>
        node is not null && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>().Trim() : null;

    private static string? Aad(string? aad) => Id(aad) is { Length: <= 64 } id ? id : null;

    private static string? Id(string? id) => id is { Length: > 0 and <= PanjangMaks } && !string.IsNullOrWhiteSpace(id) ? id : null;

    private static bool UrlLayanan(string? url) =>
        url is { Length: <= PanjangMaks } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>A BCP 47 tag as Teams writes it (<c>id-ID</c>, <c>en-US</c>, <c>zh-Hant-TW</c>).</summary>
    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalePattern();

    private static partial class Log
    {
        [LoggerMessage(EventId = 5010, Level = LogLevel.Debug, Message = "Conversation reference of {AadObjectId} recorded from {ActivityType} (removed: {Removed})")]
        public static partial void Recorded(ILogger logger, string aadObjectId, string? activityType, bool removed);

        [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "No conversation reference recorded from {ActivityType}: {Reason}")]
        public static partial void Skipped(ILogger logger, string? activityType, string reason);
    }
}
