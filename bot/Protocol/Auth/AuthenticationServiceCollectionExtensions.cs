using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Auth;

/// <summary>Registration of inbound authentication: options validated on start, the key cache, the validator.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddKinerjaAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        // The Bot Framework's own keys live at the top level, as in an Azure Bot deployment; the policy in Kinerja:Bot.
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration)
            .Configure(o => o.ReadPolicy(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddSingleton<BotAuthentication>();
        services.AddSingleton<BotConnectorSigningKeys>();
        services.AddSingleton<BotFrameworkTokenValidator>();
        services.AddHttpClient(BotConnectorSigningKeys.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<AuthenticationStartupLog>();
        return services;
    }
}

/// <summary>
/// Says on start how requests are authenticated, and warns when any tenant may talk to the bot. Resolves what it
/// needs in <see cref="StartAsync"/>, not in its constructor: a hosted service whose construction throws aborts the
/// host before it knows its services, and a host in that state cannot even be stopped cleanly.
/// </summary>
internal sealed partial class AuthenticationStartupLog(IServiceProvider services, ILogger<AuthenticationStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<BotAuthentication>().IsAnonymous)
        {
            return Task.CompletedTask; // UseKinerjaBot already warns about development mode
        }

        var o = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        var tenants = o.EffectiveTenants;
        Log.ProductionMode(logger, o.MicrosoftAppId!, o.AppType.ToString()!, o.OpenIdMetadataUrl, tenants.Count == 0 ? "any" : string.Join(", ", tenants));
        if (tenants.Count == 0)
        {
            Log.AnyTenant(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Inbound requests need a Bot Connector token for app {AppId} ({AppType}), keys from {MetadataUrl}; tenants allowed: {Tenants}")]
        public static partial void ProductionMode(ILogger logger, string appId, string appType, string metadataUrl, string tenants);

        [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "Any tenant's Teams users may talk to this MultiTenant bot: set Kinerja:Bot:TenantDiizinkan to restrict it")]
        public static partial void AnyTenant(ILogger logger);
    }
}
