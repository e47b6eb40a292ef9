using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace KinerjaBot.Penjadwalan;

/// <summary>
/// Hangfire's log provider is process-wide (<c>GlobalConfiguration</c>), but a host's <see cref="ILoggerFactory"/> dies
/// with the host. Several hosts in one process (the test tier, a CLI verb after the web host) would leave Hangfire
/// asking a disposed factory for loggers; this provider answers with a silent logger then instead of throwing inside
/// Hangfire's storage constructors.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Diam.Instance;
        }
    }

    private sealed class Diam : ILog
    {
        public static readonly Diam Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
