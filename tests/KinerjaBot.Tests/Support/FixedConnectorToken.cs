using KinerjaBot.Protocol.Connector;

namespace KinerjaBot.Tests.Support;

/// <summary>
/// The bot's outbound token at the edge we cannot reach (Entra ID): a fixed string, so production-mode host tests
/// can check where the token goes without a token service.
/// </summary>
public sealed class FixedConnectorToken(string token = "token-bot-uji") : IConnectorTokenProvider
{
    public string Token { get; } = token;

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Token);

    public ValueTask<string> RefreshAsync(string rejected, CancellationToken cancellationToken) => ValueTask.FromResult(Token);
}
