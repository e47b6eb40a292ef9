using System.Globalization;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Reach;

/// <summary>
/// Reaching people who never wrote to the bot (section <c>Kinerja:Jangkauan</c>); the Graph side is
/// <c>Kinerja:Graph</c>. Validated on start.
/// </summary>
public sealed class JangkauanOptions
{
    public const string Section = "Kinerja:Jangkauan";

    /// <summary>Teams' global Bot Connector endpoint, for chats found through Graph (botframework-protocol.md §0, §5.2).</summary>
    public const string ServiceUrlGlobal = "https://smba.trafficmanager.net/teams/";

    /// <summary>The service URL stored with a chat the bot found through Graph (an activity later brings the regional one).</summary>
    public string ServiceUrl { get; set; } = ServiceUrlGlobal;

    /// <summary>The bot's id in Teams; by default <c>28:</c> followed by <c>MicrosoftAppId</c>.</summary>
    public string? BotId { get; set; }

    /// <summary>
    /// How long a recorded refusal (blocked, disabled by an admin, not installable) is believed before the bot tries
    /// again: a daily reminder to thousands must not ask Graph again for each refusal every time.
    /// </summary>
    public TimeSpan CobaLagiSetelah { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Whether the bot installs itself again for a person who removed it. Off by default: removing the app is the
    /// person's (or an admin's) choice, and coordinators see it in the list of people the bot cannot reach.
    /// </summary>
    public bool PasangUlangBilaDihapus { get; set; }
}

/// <summary>Takes the bot id from <c>MicrosoftAppId</c> when none is configured.</summary>
internal sealed class JangkauanOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<JangkauanOptions>
{
    public void PostConfigure(string? name, JangkauanOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BotId) && configuration["MicrosoftAppId"] is { Length: > 0 } appId && !string.IsNullOrWhiteSpace(appId))
        {
            options.BotId = "28:" + appId.Trim();
        }
    }
}

public sealed class JangkauanOptionsValidator : IValidateOptions<JangkauanOptions>
{
    private static readonly TimeSpan Terpendek = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Terpanjang = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, JangkauanOptions options)
    {
        var kesalahan = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceUrl)
            || !Uri.TryCreate(options.ServiceUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            kesalahan.Add($"Kinerja:Jangkauan:ServiceUrl '{options.ServiceUrl}' harus URL https absolut, mis. {JangkauanOptions.ServiceUrlGlobal}.");
        }

        if (options.CobaLagiSetelah < Terpendek || options.CobaLagiSetelah > Terpanjang)
        {
            kesalahan.Add($"Kinerja:Jangkauan:CobaLagiSetelah '{options.CobaLagiSetelah.ToString("c", CultureInfo.InvariantCulture)}' harus antara "
                          + $"{Terpendek.ToString("c", CultureInfo.InvariantCulture)} dan {Terpanjang.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        return kesalahan.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(kesalahan);
    }
}
