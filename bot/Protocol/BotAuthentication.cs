using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol;

/// <summary>
/// Decides, once at start, how requests are authenticated. Anonymous (development) mode exists only when the host
/// runs in the Development environment AND no MicrosoftAppId is configured (botframework-protocol.md §1.5); with an
/// app id every request needs a Bot Connector token (<see cref="Auth.BotFrameworkTokenValidator"/>). Any other
/// combination is refused by <see cref="BotAuthenticationOptionsValidator"/> when the options are first read: never
/// a silent insecure mode.
/// </summary>
public sealed class BotAuthentication
{
    public BotAuthentication(IOptions<BotAuthenticationOptions> options, IHostEnvironment environment)
    {
        // Reading Value runs the validator: an invalid configuration throws here, naming the key.
        AppId = string.IsNullOrWhiteSpace(options.Value.MicrosoftAppId) ? null : options.Value.MicrosoftAppId.Trim();

        // Belt and braces should the validator ever not be registered: anonymous only in Development.
        if (AppId is null && !environment.IsDevelopment())
        {
            throw new OptionsValidationException("MicrosoftAppId", typeof(BotAuthenticationOptions),
                [$"MicrosoftAppId is not configured. Anonymous mode is only allowed in the Development environment; this host runs in '{environment.EnvironmentName}'."]);
        }
    }

    /// <summary>True in development mode: no token is required inbound, none is attached outbound.</summary>
    public bool IsAnonymous => AppId is null;

    /// <summary>The bot's app id (the audience of inbound tokens); null in development mode.</summary>
    public string? AppId { get; }
}
