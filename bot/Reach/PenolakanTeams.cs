using Kinerja.Domain.Ports;

namespace KinerjaBot.Reach;

/// <summary>
/// Which Graph answers to installing the app mean "this person cannot be reached" and why (§5.2). The connector's
/// own refusals are classified where they are read, in <c>ConnectorErrorBody</c>. A status that may pass (429,
/// 412, 5xx, network) is not a refusal: null, and the caller retries.
/// </summary>
public static class PenolakanTeams
{
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
