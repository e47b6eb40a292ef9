using System.Text.Json;
using KinerjaBot.Protocol;
using KinerjaBot.Protocol.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Auth;

/// <summary>
/// The validator as the host registers it (<c>AddKinerjaAuthentication</c>), without the web host: a fake clock far
/// from the machine's (so a validator reading the system clock would fail), the fake metadata, captured logs.
/// </summary>
public sealed class ValidatorHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public ValidatorHarness(IDictionary<string, string?>? settings = null, FakeBotConnectorMetadata? metadata = null)
    {
        Metadata = metadata ?? FakeBotConnectorMetadata.Standard();
        Tokens = new BotTokens(Time);
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MicrosoftAppId"] = BotTokens.AppId,
            ["MicrosoftAppPassword"] = "rahasia-uji",
            ["BotOpenIdMetadata"] = FakeBotConnectorMetadata.MetadataUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddKinerjaAuthentication(configuration);
        services.AddHttpClient(BotConnectorSigningKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Metadata);
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>14 March 2031, years away from the machine's clock.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2031, 3, 14, 2, 0, 0, TimeSpan.Zero));

    public FakeBotConnectorMetadata Metadata { get; }

    public BotTokens Tokens { get; }

    public CapturedLogs Logs { get; } = new();

    public BotFrameworkTokenValidator Validator => _services.GetRequiredService<BotFrameworkTokenValidator>();

    public BotConnectorSigningKeys Keys => _services.GetRequiredService<BotConnectorSigningKeys>();

    /// <summary>Null when the request would be processed, else the reason it is refused.</summary>
    public async Task<string?> CheckAsync(string token, Activity? activity = null)
    {
        var check = await Validator.ValidateAsync(new StringValues("Bearer " + token), CancellationToken.None);
        if (check.Token is null)
        {
            return check.Failure;
        }

        return Validator.Authorizes(check.Token, activity ?? Activity()) ? null : Logs.Entries.Last(e => e.EventId == 1100).Message;
    }

    public static Activity Activity(string serviceUrl = BotTokens.TeamsServiceUrl, string? channelId = "msteams", string? tenantId = "7a1d4e2b-0000-4000-8000-00000000a001") => new()
    {
        Type = "message",
        Id = "act-1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "a:personal", TenantId = tenantId },
        From = new ChannelAccount { Id = "user-1" },
        ChannelData = tenantId is null ? null : JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }),
    };

    public void Dispose() => _services.Dispose();
}
