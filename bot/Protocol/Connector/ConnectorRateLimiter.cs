using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>Which of Teams' per-conversation limits a call counts against.</summary>
public enum ConnectorLimit
{
    /// <summary>Send, reply, update, create conversation.</summary>
    Tulis,

    /// <summary>Get member(s), get conversations.</summary>
    Baca,
}

/// <summary>
/// Teams' rate limits, kept on our side so the bot waits instead of collecting 429s (MicrosoftDocs/msteams-docs,
/// bots/how-to/rate-limit.md; botframework-protocol.md §2.3). Per conversation ("thread"), sliding windows: writes
/// 7/1 s, 8/2 s, 60/30 s, 1800/3600 s; reads 14/1 s, 16/2 s, 120/30 s, 3600/3600 s. Per tenant, all conversations
/// together: <see cref="ConnectorOptions.PermintaanPerDetikPerTenant"/> per second. A 429 pauses the whole tenant
/// until its <c>Retry-After</c> is over, for every sender. Waiting is async, cancellable and on the injected
/// <see cref="TimeProvider"/>. The counts are per process: several bot instances each keep their own.
/// </summary>
public sealed class ConnectorRateLimiter
{
    private static readonly Window[] Tulis =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    private static readonly Window[] Baca =
    [
        new(14, TimeSpan.FromSeconds(1)),
        new(16, TimeSpan.FromSeconds(2)),
        new(120, TimeSpan.FromSeconds(30)),
        new(3600, TimeSpan.FromHours(1)),
    ];

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Trail> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TenantState> _tenants = new(StringComparer.Ordinal);
    private readonly Window[] _tenantWindows;
    private readonly TimeSpan _longestPause;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _origin;
    private TimeSpan _lastSweep;
    private int _waiting;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorRateLimiter> logger)
    {
        _time = time;
        _logger = logger;
        _origin = time.GetTimestamp();
        _tenantWindows = [new(options.Value.PermintaanPerDetikPerTenant, TimeSpan.FromSeconds(1))];
        _longestPause = options.Value.RetryAfterMaksimum;
    }

    /// <summary>How many callers are waiting right now (a slot, a tenant pause or a retry backoff).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Waits until a call to this conversation of this tenant fits every window and the tenant is not paused, then
    /// counts it. A pause longer than <see cref="ConnectorOptions.RetryAfterMaksimum"/> is not waited out:
    /// <see cref="ConnectorErrorKind.Throttled"/>.
    /// </summary>
    public async ValueTask AcquireAsync(ConnectorLimit limit, string? conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        var tenantKey = tenantId ?? string.Empty;
        var conversation = conversationKey is null ? null : (limit == ConnectorLimit.Tulis ? "w:" : "r:") + conversationKey;
        var windows = limit == ConnectorLimit.Tulis ? Tulis : Baca;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = Now();
                Sweep(now);
                var tenant = Tenant(tenantKey);
                var trail = conversation is null ? null : Conversation(conversation);
                if (tenant.PausedUntil - now > _longestPause)
                {
                    var left = tenant.PausedUntil - now;
                    ConnectorLog.PauseTooLong(_logger, tenantKey, left.TotalSeconds);
                    throw new ConnectorException(ConnectorErrorKind.Throttled, $"Connector meminta jeda {left.TotalSeconds:0} detik untuk tenant ini; tidak ditunggu.")
                    {
                        RetryAfter = left,
                    };
                }

                var until = Max(tenant.PausedUntil, tenant.Trail.EarliestFree(_tenantWindows, now));
                if (trail is not null)
                {
                    until = Max(until, trail.EarliestFree(windows, now));
                }

                if (until <= now)
                {
                    tenant.Trail.Add(now, _tenantWindows);
                    trail?.Add(now, windows);
                    return;
                }

                wait = until - now;
            }

            ConnectorLog.Waiting(_logger, conversationKey ?? "-", tenantKey, wait.TotalMilliseconds);
            await DelayAsync(wait, cancellationToken);
        }
    }

    /// <summary>The connector said 429: nobody sends to this tenant for <paramref name="delay"/>.</summary>
    public void PauseTenant(string? tenantId, TimeSpan delay)
    {
        lock (_gate)
        {
            var tenant = Tenant(tenantId ?? string.Empty);
            tenant.PausedUntil = Max(tenant.PausedUntil, Now() + delay);
        }

        ConnectorLog.TenantPaused(_logger, tenantId ?? "-", delay.TotalSeconds);
    }

    /// <summary>The one place the connector waits (slots, pauses, backoff), so tests can see it waiting.</summary>
    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private TenantState Tenant(string key)
    {
        if (!_tenants.TryGetValue(key, out var tenant))
        {
            _tenants[key] = tenant = new TenantState();
        }

        return tenant;
    }

    private Trail Conversation(string key)
    {
        if (!_conversations.TryGetValue(key, out var trail))
        {
            _conversations[key] = trail = new Trail();
        }

        return trail;
    }

    /// <summary>Forgets conversations and tenants nothing was sent to for the longest window.</summary>
    private void Sweep(TimeSpan now)
    {
        if (now - _lastSweep < SweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, trail) in _conversations.ToArray())
        {
            if (trail.Last is not { } last || now - last > TimeSpan.FromHours(1))
            {
                _conversations.Remove(key);
            }
        }

        foreach (var (key, tenant) in _tenants.ToArray())
        {
            if (tenant.PausedUntil < now && (tenant.Trail.Last is not { } last || now - last > TimeSpan.FromSeconds(1)))
            {
                _tenants.Remove(key);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private readonly record struct Window(int Limit, TimeSpan Length);

    private sealed class TenantState
    {
        public Trail Trail { get; } = new();

        public TimeSpan PausedUntil { get; set; }
    }

    /// <summary>When the calls were made (oldest first), kept for the longest window.</summary>
    private sealed class Trail
    {
        private readonly List<TimeSpan> _sent = [];

        public TimeSpan? Last => _sent.Count == 0 ? null : _sent[^1];

        /// <summary>
        /// The earliest moment a new call fits every window: for a window of n calls per L, the n-th most recent call
        /// must have left it, i.e. now ≥ that call + L.
        /// </summary>
        public TimeSpan EarliestFree(Window[] windows, TimeSpan now)
        {
            var earliest = TimeSpan.Zero;
            foreach (var (limit, length) in windows)
            {
                if (_sent.Count >= limit)
                {
                    var candidate = _sent[_sent.Count - limit] + length;
                    if (candidate > now && candidate > earliest)
                    {
                        earliest = candidate;
                    }
                }
            }

            return earliest;
        }

        public void Add(TimeSpan now, Window[] windows)
        {
            _sent.Add(now);
            var longest = windows.Max(w => w.Length);
            var stale = 0;
            while (stale < _sent.Count && now - _sent[stale] >= longest)
            {
                stale++;
            }

            if (stale > 0)
            {
                _sent.RemoveRange(0, stale);
            }
        }
    }
}
