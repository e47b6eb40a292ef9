using KinerjaBot.Protocol.Auth;
using KinerjaBot.Protocol.Connector;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Tests.Auth;

/// <summary>
/// The bot in the Production environment with an app id, its OpenID metadata served by
/// <see cref="FakeBotConnectorMetadata"/> through the metadata HttpClient, logs captured.
/// </summary>
public sealed class ProductionBot : IDisposable
{
    public ProductionBot()
    {
        Bot = new BotFactory("Production")
            .With("MicrosoftAppId", BotTokens.AppId)
            .With("MicrosoftAppPassword", "rahasia-uji")
            .With("BotOpenIdMetadata", FakeBotConnectorMetadata.MetadataUrl)
            .With("Kinerja:Bot:TenantDiizinkan:0", ActivityDriver.TenantId)
            .WithServices(services =>
            {
                services.AddHttpClient(BotConnectorSigningKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Metadata);
                services.AddSingleton<ILoggerProvider>(Logs);
                services.AddSingleton<IConnectorTokenProvider>(OutboundToken);
            });
        Tokens = new BotTokens(Bot.Time);
        Client = Bot.CreateClient();
    }

    public BotFactory Bot { get; }

    public HttpClient Client { get; }

    public FakeBotConnectorMetadata Metadata { get; } = FakeBotConnectorMetadata.Standard();

    public CapturedLogs Logs { get; } = new();

    /// <summary>The bot's own token for the connector (Entra ID is out of reach here).</summary>
    public FixedConnectorToken OutboundToken { get; } = new();

    public BotTokens Tokens { get; }

    public void Dispose()
    {
        Client.Dispose();
        Bot.Dispose();
    }
}
