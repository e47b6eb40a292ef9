using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>A call's place in the limits: the moment (on the limiter's clock) it was due to leave.</summary>
public readonly record struct ConnectorSlot(ConnectorLimit Limit, string? ConversationKey, string? TenantId, TimeSpan At);

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
/// 7/1 s, 8/2 s, 60/30 s, 1800/3600 s; reads 14/1 s, 16/2 s, 120/30 s, 3600/3600 s — counted here, per process. Per
/// tenant, all conversations together: an <see cref="ITenantGate"/> hands out evenly spaced slots
/// (<see cref="TenantPacing"/>: at most <see cref="ConnectorOptions.PermintaanPerDetikPerTenant"/> in any second) and
/// holds the tenant's 429 pause — in this process, or shared by every instance through PostgreSQL. A call first waits
/// until its conversation has room, then reserves the tenant's next slot, counts itself in the conversation at that
/// slot and waits for it; a pause that began meanwhile sends it back for a new slot. Waiting is async, cancellable and
/// on the injected <see cref="TimeProvider"/>.
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

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Trail> _conversations = new(StringComparer.Ordinal);
    private readonly ITenantGate _tenants;
    private readonly TimeSpan _longestPause;
    private readonly TimeSpan _jitter;
    private readonly ConnectorMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _origin;
    private TimeSpan _lastSweep;
    private int _waiting;

    /// <summary>A limiter pacing tenants in this process only.</summary>
    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorRateLimiter> logger)
        : this(options, new InProcessTenantGate(options, time), time, logger)
    {
    }

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, ITenantGate tenants, TimeProvider time, ILogger<ConnectorRateLimiter> logger,
        ConnectorMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tenants = tenants;
        _time = time;
        _logger = logger;
        _origin = time.GetTimestamp();
        _longestPause = options.Value.RetryAfterMaksimum;
        _jitter = options.Value.ToleransiJitter;
        Lead = options.Value.WaktuPersiapan;
        _metrics = metrics;
        ConnectorLog.TenantPacing(logger, options.Value.PermintaanPerDetikPerTenant, options.Value.ToleransiJitter.TotalMilliseconds, tenants.Description);
    }

    /// <summary>How long before its slot <see cref="ReserveAsync"/> returns (<see cref="ConnectorOptions.WaktuPersiapan"/>).</summary>
    public TimeSpan Lead { get; }

    /// <summary>How many callers are waiting right now (a slot, a tenant pause or a retry backoff).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Waits until a call to this conversation of this tenant fits every window and its tenant slot has come, then
    /// returns (the call is counted). A pause longer than <see cref="ConnectorOptions.RetryAfterMaksimum"/> is not
    /// waited out: <see cref="ConnectorErrorKind.Throttled"/>.
    /// </summary>
    public async ValueTask<ConnectorSlot> AcquireAsync(ConnectorLimit limit, string? conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        var slot = await ReserveAsync(limit, conversationKey, tenantId, TimeSpan.Zero, cancellationToken);
        return await WaitForSlotAsync(slot, cancellationToken);
    }

    /// <summary>
    /// Reserves the call's slot (room in its conversation first, then the tenant's next slot; the call is counted) and
    /// returns <paramref name="lead"/> before it, so the caller can prepare (the bot token, the delivery engine's
    /// in-flight mark) while the slot comes; then <see cref="WaitForSlotAsync"/>. A pause longer than
    /// <see cref="ConnectorOptions.RetryAfterMaksimum"/> is not waited out: <see cref="ConnectorErrorKind.Throttled"/>.
    /// </summary>
    public async ValueTask<ConnectorSlot> ReserveAsync(ConnectorLimit limit, string? conversationKey, string? tenantId, TimeSpan lead,
        CancellationToken cancellationToken)
    {
        var tenantKey = tenantId ?? string.Empty;
        var conversation = conversationKey is null ? null : (limit == ConnectorLimit.Tulis ? "w:" : "r:") + conversationKey;
        var windows = limit == ConnectorLimit.Tulis ? Tulis : Baca;
        while (true)
        {
            // 1. Room in the conversation (its own windows, this process).
            TimeSpan wait;
            lock (_gate)
            {
                var now = Now();
                Sweep(now);
                wait = conversation is null ? TimeSpan.Zero : Conversation(conversation).EarliestFree(windows) - now;
            }

            if (wait > TimeSpan.Zero)
            {
                ConnectorLog.Waiting(_logger, conversationKey ?? "-", tenantKey, wait.TotalMilliseconds);
                await DelayAsync(wait, cancellationToken);
                continue;
            }

            // 2. A pause this process knows of is waited out (or refused) before asking for a slot.
            var paused = _tenants.PausedFor(tenantKey);
            if (paused > _longestPause)
            {
                throw PauseTooLong(tenantKey, paused);
            }

            if (paused > TimeSpan.Zero)
            {
                ConnectorLog.Waiting(_logger, conversationKey ?? "-", tenantKey, paused.TotalMilliseconds);
                await DelayAsync(paused, cancellationToken);
                continue;
            }

            // 3. The tenant's next slot (or its pause, set by another instance).
            var slot = await _tenants.ReserveAsync(tenantKey, _longestPause, cancellationToken);
            if (slot.PausedFor is { } left)
            {
                throw PauseTooLong(tenantKey, left);
            }

            // 4. Counted in the conversation at the slot; if another call to it took that room meanwhile, the slot is
            // given up and the call starts over.
            TimeSpan at;
            lock (_gate)
            {
                at = Now() + slot.Wait;
                if (conversation is not null && !Conversation(conversation).TryAdd(at, windows))
                {
                    continue;
                }
            }

            if (slot.Wait > lead)
            {
                ConnectorLog.Waiting(_logger, conversationKey ?? "-", tenantKey, slot.Wait.TotalMilliseconds);
                await DelayAsync(slot.Wait - lead, cancellationToken);
            }

            return new ConnectorSlot(limit, conversationKey, tenantId, at);
        }
    }

    /// <summary>
    /// Waits for the slot itself and returns the slot the call goes with. The slot is given up and a new one reserved
    /// (and waited for) when a 429 paused the tenant meanwhile, or when the call is leaving later than
    /// <see cref="ConnectorOptions.ToleransiJitter"/> after its slot (a wait that woke late on a busy machine, a
    /// preparation that took longer than its lead): it could then share a second with the calls of the next R slots.
    /// A machine too busy to keep any pace gets a few tries, then the call goes.
    /// </summary>
    public async ValueTask<ConnectorSlot> WaitForSlotAsync(ConnectorSlot slot, CancellationToken cancellationToken)
    {
        var tenantKey = slot.TenantId ?? string.Empty;
        for (var attempt = 0; ; attempt++)
        {
            var wait = slot.At - Now();
            if (wait > TimeSpan.Zero)
            {
                await DelayAsync(wait, cancellationToken);
            }

            var late = Now() - slot.At;
            _metrics?.Lateness.Record(Math.Max(0, late.TotalMilliseconds));
            var paused = _tenants.PausedFor(tenantKey) > TimeSpan.Zero;
            if (!paused && (late <= _jitter || attempt >= 3))
            {
                return slot;
            }

            if (!paused)
            {
                _metrics?.SlotsGivenUp.Add(1);
            }

            GiveUp(slot);
            slot = await ReserveAsync(slot.Limit, slot.ConversationKey, slot.TenantId, TimeSpan.Zero, cancellationToken);
        }
    }

    private void GiveUp(ConnectorSlot slot)
    {
        if (slot.ConversationKey is { } key)
        {
            lock (_gate)
            {
                Conversation((slot.Limit == ConnectorLimit.Tulis ? "w:" : "r:") + key).Remove(slot.At);
            }
        }
    }

    /// <summary>The connector said 429: nobody sends to this tenant for <paramref name="delay"/> (every instance, with a shared gate).</summary>
    public void PauseTenant(string? tenantId, TimeSpan delay)
    {
        _metrics?.TenantPauses.Add(1);
        // Known to this process before PauseAsync returns; the shared record follows (PauseAsync logs its own failures).
        _ = _tenants.PauseAsync(tenantId ?? string.Empty, delay);
        ConnectorLog.TenantPaused(_logger, tenantId ?? "-", delay.TotalSeconds);
    }

    /// <summary>
    /// The one place the connector waits (slots, pauses, backoff), so tests can see it waiting. Rounded up to a whole
    /// millisecond: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> counts whole milliseconds and would
    /// otherwise wake before a slot (and spin on a remainder it rounds to zero).
    /// </summary>
    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var ms = TimeSpan.TicksPerMillisecond;
        delay = TimeSpan.FromTicks((delay.Ticks + ms - 1) / ms * ms);
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

    private ConnectorException PauseTooLong(string tenantKey, TimeSpan left)
    {
        ConnectorLog.PauseTooLong(_logger, tenantKey, left.TotalSeconds);
        return new ConnectorException(ConnectorErrorKind.Throttled, $"Connector meminta jeda {left.TotalSeconds:0} detik untuk tenant ini; tidak ditunggu.")
        {
            RetryAfter = left,
        };
    }

    private Trail Conversation(string key)
    {
        if (!_conversations.TryGetValue(key, out var trail))
        {
            _conversations[key] = trail = new Trail();
        }

        return trail;
    }

    /// <summary>Forgets conversations nothing was sent to for the longest window.</summary>
    private void Sweep(TimeSpan now)
    {
        if (now - _lastSweep < SweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, trail) in _conversations.ToArray())
        {
            if (trail.Last is not { } last || now - last > Longest)
            {
                _conversations.Remove(key);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private readonly record struct Window(int Limit, TimeSpan Length);

    /// <summary>When the calls were (or will be, at their reserved slot) made, oldest first, kept for the longest window.</summary>
    private sealed class Trail
    {
        private readonly List<TimeSpan> _sent = [];

        public TimeSpan? Last => _sent.Count == 0 ? null : _sent[^1];

        /// <summary>
        /// The earliest moment a call after all the counted ones fits every window: for a window of n calls per L, the
        /// n-th most recent call must have left it, i.e. the call comes at least L after it.
        /// </summary>
        public TimeSpan EarliestFree(Window[] windows)
        {
            var earliest = TimeSpan.Zero;
            foreach (var (limit, length) in windows)
            {
                if (_sent.Count >= limit && _sent[_sent.Count - limit] + length > earliest)
                {
                    earliest = _sent[_sent.Count - limit] + length;
                }
            }

            return earliest;
        }

        /// <summary>Counts a call at <paramref name="at"/> if every window still holds: no n + 1 calls within any L.</summary>
        public bool TryAdd(TimeSpan at, Window[] windows)
        {
            var i = _sent.BinarySearch(at);
            var position = i < 0 ? ~i : i;
            _sent.Insert(position, at);
            foreach (var (limit, length) in windows)
            {
                for (var first = Math.Max(0, position - limit); first <= position && first + limit < _sent.Count; first++)
                {
                    if (_sent[first + limit] - _sent[first] < length)
                    {
                        _sent.RemoveAt(position);
                        return false;
                    }
                }
            }

            var stale = 0;
            while (stale < _sent.Count && at - _sent[stale] >= Longest)
            {
                stale++;
            }

            if (stale > 0)
            {
                _sent.RemoveRange(0, stale);
            }

            return true;
        }

        public void Remove(TimeSpan at)
        {
            var i = _sent.BinarySearch(at);
            if (i >= 0)
            {
                _sent.RemoveAt(i);
            }
        }
    }
}
