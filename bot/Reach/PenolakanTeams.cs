using Kinerja.Domain.Ports;

namespace KinerjaBot.Reach;

/// <summary>
/// Which refusals mean "this person cannot be reached" and why, from the Bot Connector's error codes (Teams' status
/// codes of the conversational APIs; botframework-protocol.md §2.3) and Graph's installation answers (§5.2). A
/// status that may pass (429, 412, 5xx, network) is not a refusal: null, and the caller retries.
/// </summary>
public static class PenolakanTeams
{
    /// <summary>The reason for a connector refusal when sending to a person, or null when it is not a refusal.</summary>
    public static AlasanTidakTerjangkau? DariConnector(int status, string? kode) => kode switch
    {
        "ConversationBlockedByUser" => AlasanTidakTerjangkau.DiblokirPengguna,
        // Teams documents this sub-code for "blocked or uninstalled"; blocking is the more common of the two.
        "MessageWritesBlocked" => AlasanTidakTerjangkau.DiblokirPengguna,
        "BotDisabledByAdmin" => AlasanTidakTerjangkau.DinonaktifkanAdmin,
        "BotNotInConversationRoster" or "ConversationNotFound" => AlasanTidakTerjangkau.BotTidakTerpasang,
        _ when status is 403 or 404 => AlasanTidakTerjangkau.Lainnya,
        _ => null,
    };

    /// <summary>
    /// The reason for a Graph refusal to install the app or read its chat: 403 means the tenant does not let the app
    /// be installed for the person (an app permission policy, or consent the admin has not given); 404 means Graph
    /// does not know the person's Teams (no such user, or no Teams licence).
    /// </summary>
    public static AlasanTidakTerjangkau? DariGraph(int status) => status switch
    {
        403 => AlasanTidakTerjangkau.DinonaktifkanAdmin,
        404 => AlasanTidakTerjangkau.Lainnya,
        _ => null,
    };
}
