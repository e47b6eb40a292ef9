using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>
/// A reserved send slot of a tenant: wait <see cref="Wait"/>, then send (negative: the slot is already that far past, the
/// answer came late). <see cref="Pada"/> is the slot on the clock of
/// whoever hands out the slots (the process's <see cref="TimeProvider"/>, or the database's clock for a shared gate).
/// When the tenant is paused for longer than the caller waits out, nothing is reserved and <see cref="PausedFor"/> says
/// how long the pause still lasts.
/// </summary>
public readonly record struct TenantSlot(TimeSpan Wait, DateTimeOffset Pada, TimeSpan? PausedFor = null)
{
    public bool Reserved => PausedFor is null;
}

/// <summary>
/// Paces the calls to one tenant (Teams: a limit per app per tenant, all conversations together) and holds the tenant's
/// 429 pause. Slots are reserved in order, one every <see cref="TenantPacing.Interval"/>, and never earlier than the
/// pause's end; the caller waits for its slot itself, so a wait that wakes late does not push the later slots back.
/// In one process <see cref="InProcessTenantGate"/>; several instances on one PostgreSQL Hangfire storage share
/// <c>PostgreSqlTenantGate</c> (bot/Penjadwalan), so together they stay within the limit and a 429 pauses all of them.
/// </summary>
public interface ITenantGate
{
    /// <summary>What the operator's log should say about the pacing.</summary>
    string Description { get; }

    /// <summary>
    /// Reserves the tenant's next slot, unless the tenant is paused for more than <paramref name="longestPause"/> from
    /// now (then nothing is reserved, see <see cref="TenantSlot.PausedFor"/>).
    /// </summary>
    ValueTask<TenantSlot> ReserveAsync(string tenantId, TimeSpan longestPause, CancellationToken cancellationToken);

    /// <summary>
    /// A 429: nobody sends to the tenant for <paramref name="delay"/>. Known to this process at once (before the
    /// returned task completes); a shared gate then records it for every instance. Never throws.
    /// </summary>
    Task PauseAsync(string tenantId, TimeSpan delay);

    /// <summary>How long the tenant is still paused as far as this process knows (its own pauses, and for a shared gate the pause reported with its last reservation).</summary>
    TimeSpan PausedFor(string tenantId);
}

/// <summary>
/// The pacing arithmetic. <see cref="ConnectorOptions.PermintaanPerDetikPerTenant"/> (R) is a ceiling: no sliding second
/// at the service may see more than R calls, even when calls reach it up to <see cref="ConnectorOptions.ToleransiJitter"/>
/// (J) earlier or later relative to each other than their slots (the time between a slot and the request leaving: the
/// in-flight ledger write, the token, the network, a busy machine). So no window of <see cref="Window"/> = 1 s + J may
/// hold more than R slots, and the slots come one every <see cref="Interval"/> = (1 s + J) / R: a pace of R / (1 + J/1 s),
/// e.g. 27.3/s for R = 28 and J = 25 ms. After a quiet moment up to <see cref="ConnectorOptions.BurstTenant"/> calls may
/// go at once (a reply of several activities) — in this process only, where the window is checked as well; the shared
/// gate has no burst.
/// </summary>
public static class TenantPacing
{
    /// <summary>The window no more than R slots may share: 1 s + the jitter allowance.</summary>
    public static TimeSpan Window(ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeSpan.FromSeconds(1) + options.ToleransiJitter;
    }

    /// <summary>The time between two slots of a tenant, rounded up to a whole tick (a tick late costs nothing, a tick early could be one call too many).</summary>
    public static TimeSpan Interval(ConnectorOptions options)
    {
        var window = Window(options);
        var rate = Math.Max(1, options.PermintaanPerDetikPerTenant);
        return TimeSpan.FromTicks((window.Ticks + rate - 1) / rate);
    }
}

/// <summary>
/// The tenant pacer of one process, on the injected <see cref="TimeProvider"/>: GCRA with reserved slots (per tenant the
/// theoretical next slot, a burst tolerance of <see cref="ConnectorOptions.BurstTenant"/> − 1 intervals) plus the
/// slots of the last window, so that a burst never puts more than R slots into one <see cref="TenantPacing.Window"/>;
/// and the pause's end. Used when a single instance sends (Hangfire on SQLite, the CLI).
/// </summary>
public sealed class InProcessTenantGate : ITenantGate
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, State> _tenants = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly DateTimeOffset _originUtc;
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeSpan _tolerance;
    private TimeSpan _lastSweep;

    public InProcessTenantGate(IOptions<ConnectorOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _origin = time.GetTimestamp();
        _originUtc = time.GetUtcNow();
        _limit = Math.Max(1, options.Value.PermintaanPerDetikPerTenant);
        _window = TenantPacing.Window(options.Value);
        Interval = TenantPacing.Interval(options.Value);
        _tolerance = Interval * (Math.Clamp(options.Value.BurstTenant, 1, _limit) - 1);
        Description = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"in this process only, one call every {Interval.TotalMilliseconds:0.###} ms per tenant, bursts of up to {Math.Clamp(options.Value.BurstTenant, 1, _limit)}");
    }

    /// <summary>The time between two slots of a tenant.</summary>
    public TimeSpan Interval { get; }

    public string Description { get; }

    public ValueTask<TenantSlot> ReserveAsync(string tenantId, TimeSpan longestPause, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = Now();
            Sweep(now);
            var tenant = Tenant(tenantId);
            if (tenant.PausedUntil - now > longestPause)
            {
                return ValueTask.FromResult(new TenantSlot(TimeSpan.Zero, _originUtc + now, tenant.PausedUntil - now));
            }

            var slot = Max(Max(now, tenant.PausedUntil), tenant.NextSlot - _tolerance);
            if (tenant.Slots.Count >= _limit)
            {
                slot = Max(slot, tenant.Slots.Peek() + _window);
            }

            tenant.NextSlot = Max(tenant.NextSlot, slot) + Interval;
            tenant.Slots.Enqueue(slot);
            if (tenant.Slots.Count > _limit)
            {
                tenant.Slots.Dequeue();
            }

            return ValueTask.FromResult(new TenantSlot(slot - now, _originUtc + slot));
        }
    }

    public Task PauseAsync(string tenantId, TimeSpan delay)
    {
        lock (_gate)
        {
            var tenant = Tenant(tenantId);
            tenant.PausedUntil = Max(tenant.PausedUntil, Now() + delay);
        }

        return Task.CompletedTask;
    }

    public TimeSpan PausedFor(string tenantId)
    {
        lock (_gate)
        {
            return _tenants.TryGetValue(tenantId, out var tenant) ? Max(TimeSpan.Zero, tenant.PausedUntil - Now()) : TimeSpan.Zero;
        }
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private State Tenant(string key)
    {
        if (!_tenants.TryGetValue(key, out var tenant))
        {
            _tenants[key] = tenant = new State();
        }

        return tenant;
    }

    /// <summary>Forgets tenants with no slot in the last window or ahead, and no pause.</summary>
    private void Sweep(TimeSpan now)
    {
        if (now - _lastSweep < SweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, tenant) in _tenants.ToArray())
        {
            if (tenant.NextSlot + _window < now && tenant.PausedUntil < now)
            {
                _tenants.Remove(key);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class State
    {
        public Queue<TimeSpan> Slots { get; } = new();

        public TimeSpan NextSlot { get; set; }

        public TimeSpan PausedUntil { get; set; }
    }
}
