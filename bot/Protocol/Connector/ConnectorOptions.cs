using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>
/// How the bot talks to the Bot Connector (section <c>Kinerja:Connector</c>). Validated on start: a typo in a host
/// pattern or a zero rate must stop the host, not silently refuse every reply.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Kinerja:Connector";

    /// <summary>
    /// Where Teams' connector lives: the public cloud's traffic manager, the Bot Framework's own hosts, and the
    /// US government clouds (Microsoft's Agents SDK, <c>TeamsProactiveServiceEndpoints</c>: publicGlobal, gcc,
    /// gccHigh, dod). The bot token goes to these hosts only (botframework-protocol.md §2.1).
    /// </summary>
    public static IReadOnlyList<string> HostBawaan { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>
    /// Host names (or <c>*.domain</c> for any subdomain) that may receive the bot token; https only. Unset means
    /// <see cref="HostBawaan"/>; setting it replaces the defaults.
    /// </summary>
    public string[]? HostDiizinkan { get; set; }

    /// <summary>
    /// The most calls to one tenant in any second, all conversations and — with Hangfire on PostgreSQL — all instances
    /// together (<see cref="TenantPacing"/>). Teams documents 30 per app per tenant ("subject to change"; older text said
    /// 50). The default, 28, keeps two calls a second for what the pacing cannot see: how the service places its
    /// window, and callers outside the shared pace (the CLI, another deployment of the same app).
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Kinerja:Connector:PermintaanPerDetikPerTenant harus antara 1 dan 1000.")]
    public int PermintaanPerDetikPerTenant { get; set; } = 28;

    /// <summary>
    /// How much earlier or later, relative to each other, two calls may reach the service than their slots were (the
    /// work between a slot and the request leaving, the network, a busy machine). Slots are spaced so that even then no
    /// second holds more than <see cref="PermintaanPerDetikPerTenant"/>: one every (1 s + this) / limit. Costs this
    /// fraction of a second of the pace (25 ms: 2.4 %).
    /// </summary>
    public TimeSpan ToleransiJitter { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// How long before its slot a call wakes to prepare: the bot token and, for the delivery engine, the in-flight mark
    /// in the ledger. The preparation then happens before the slot instead of between the slot and the request, where
    /// every millisecond counts against <see cref="ToleransiJitter"/> (a call that leaves later than that gives its slot
    /// up). Longer than a store write on a busy machine; it is also the longest a send is marked in flight before its
    /// request leaves.
    /// </summary>
    public TimeSpan WaktuPersiapan { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Calls to one tenant that may go at once after a quiet moment (a reply of several activities), in a process that
    /// paces by itself (at most <see cref="PermintaanPerDetikPerTenant"/>); the ceiling per second holds all the same. The
    /// gate shared through PostgreSQL has no burst.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Kinerja:Connector:BurstTenant harus antara 1 dan 1000.")]
    public int BurstTenant { get; set; } = 4;

    /// <summary>Retries after 429, 412, 5xx or a network failure (Microsoft's sample: 3).</summary>
    [Range(0, 10, ErrorMessage = "Kinerja:Connector:PercobaanUlang harus antara 0 dan 10.")]
    public int PercobaanUlang { get; set; } = 3;

    /// <summary>Shortest wait before a retry (Microsoft's sample: 2 s).</summary>
    public TimeSpan JedaMinimum { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait before a retry (Microsoft's sample: 20 s).</summary>
    public TimeSpan JedaMaksimum { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Growth step of the exponential backoff, ±20 % jitter (Microsoft's sample: 1 s).</summary>
    public TimeSpan JedaDelta { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan BatasWaktuPermintaan { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest <c>Retry-After</c> the client waits out by itself; a longer one is reported as Throttled.</summary>
    public TimeSpan RetryAfterMaksimum { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The allow-list in force: <see cref="HostDiizinkan"/> when set, else <see cref="HostBawaan"/>.</summary>
    public IReadOnlyList<string> HostEfektif =>
        HostDiizinkan?.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).ToArray() is { Length: > 0 } configured
            ? configured
            : HostBawaan;
}

/// <summary>The checks that data annotations cannot express; every message names its key.</summary>
public sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        var kesalahan = new List<string>();
        foreach (var host in options.HostDiizinkan ?? [])
        {
            if (!string.IsNullOrWhiteSpace(host) && !ConnectorHostPolicy.IsValidPattern(host.Trim()))
            {
                kesalahan.Add($"Kinerja:Connector:HostDiizinkan '{host}' bukan nama host; tulis nama host saja tanpa skema, port atau path (mis. smba.trafficmanager.net atau *.botframework.com).");
            }
        }

        if (options.JedaMinimum <= TimeSpan.Zero)
        {
            kesalahan.Add($"Kinerja:Connector:JedaMinimum '{options.JedaMinimum}' harus lebih dari nol.");
        }

        if (options.JedaMaksimum < options.JedaMinimum)
        {
            kesalahan.Add($"Kinerja:Connector:JedaMaksimum '{options.JedaMaksimum}' tidak boleh kurang dari JedaMinimum '{options.JedaMinimum}'.");
        }

        if (options.JedaDelta < TimeSpan.Zero)
        {
            kesalahan.Add($"Kinerja:Connector:JedaDelta '{options.JedaDelta}' tidak boleh negatif.");
        }

        if (options.BatasWaktuPermintaan <= TimeSpan.Zero || options.BatasWaktuPermintaan > TimeSpan.FromMinutes(5))
        {
            kesalahan.Add($"Kinerja:Connector:BatasWaktuPermintaan '{options.BatasWaktuPermintaan}' harus lebih dari nol dan paling lama 00:05:00.");
        }

        if (options.ToleransiJitter < TimeSpan.Zero || options.ToleransiJitter > TimeSpan.FromMilliseconds(500))
        {
            kesalahan.Add($"Kinerja:Connector:ToleransiJitter '{options.ToleransiJitter}' harus antara 00:00:00 dan 00:00:00.500.");
        }

        if (options.WaktuPersiapan < TimeSpan.Zero || options.WaktuPersiapan > TimeSpan.FromSeconds(2))
        {
            kesalahan.Add($"Kinerja:Connector:WaktuPersiapan '{options.WaktuPersiapan}' harus antara 00:00:00 dan 00:00:02.");
        }

        if (options.RetryAfterMaksimum < TimeSpan.Zero)
        {
            kesalahan.Add($"Kinerja:Connector:RetryAfterMaksimum '{options.RetryAfterMaksimum}' tidak boleh negatif.");
        }

        return kesalahan.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(kesalahan);
    }
}
