using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>
/// Exponential backoff with jitter, as in the Teams rate-limit doc's sample (MicrosoftDocs/msteams-docs,
/// bots/how-to/rate-limit.md: <c>ExponentialBackoff(3, 2 s, 20 s, 1 s)</c>): the n-th retry (0-based) waits
/// <c>min(JedaMinimum + (2^n − 1) · JedaDelta · U(0.8, 1.2), JedaMaksimum)</c> — 2 s, about 3 s, about 5 s.
/// </summary>
public sealed class ConnectorBackoff
{
    private readonly ConnectorOptions _options;
    private readonly Func<double> _random;

    public ConnectorBackoff(IOptions<ConnectorOptions> options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    /// <summary>With a chosen source of jitter in [0, 1) (tests).</summary>
    public ConnectorBackoff(IOptions<ConnectorOptions> options, Func<double> random)
    {
        _options = options.Value;
        _random = random;
    }

    public TimeSpan Delay(int retry)
    {
        var factor = Math.Pow(2, Math.Min(retry, 30)) - 1;
        var jitter = 0.8 + (0.4 * _random());
        var delay = _options.JedaMinimum + (_options.JedaDelta * (factor * jitter));
        return delay < _options.JedaMaksimum ? delay : _options.JedaMaksimum;
    }
}
