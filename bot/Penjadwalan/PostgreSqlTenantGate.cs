using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace KinerjaBot.Penjadwalan;

/// <summary>
/// The tenant pacer shared by every bot instance on one PostgreSQL Hangfire storage (docs/pengiriman.md, "Throughput
/// and several instances"): one row per tenant in <c>{PostgreSqlSchema}.kinerja_gerbang_tenant</c> with the next free
/// slot and the end of the tenant's 429 pause, on the database's clock. A slot is claimed with one atomic
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> (the row lock orders the instances), which answers how long to wait
/// from now, so the instances' own clocks never meet. A 429 anywhere moves the row's pause end, and every instance's
/// next claim lands after it. If the database cannot be reached, this instance paces by itself
/// (<see cref="InProcessTenantGate"/>) and says so in the log, rather than stop sending replies.
/// </summary>
public sealed partial class PostgreSqlTenantGate : ITenantGate, IAsyncDisposable, IDisposable
{
    public const string Table = "kinerja_gerbang_tenant";

    private const int MaxConnections = 4;

    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);

    /// <summary>A pause end known from another claim's answer may differ by the answers' latencies.</summary>
    private static readonly TimeSpan PauseSlack = TimeSpan.FromMilliseconds(10);

    private readonly NpgsqlDataSource _db;
    private readonly string _table;
    private readonly TimeSpan _interval;
    private readonly InProcessTenantGate _fallback;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _origin;
    private readonly ConcurrentDictionary<string, TimeSpan> _pausedUntil = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _schema = new(1, 1);
    private static readonly TimeSpan OffsetPeriod = TimeSpan.FromSeconds(30);

    private readonly Lock _offsets = new();
    private TimeSpan _currentMin = TimeSpan.MaxValue;
    private TimeSpan _previousMin = TimeSpan.MaxValue;
    private TimeSpan _periodStart;
    private bool _schemaReady;
    private long _lastWarning = long.MinValue;

    public PostgreSqlTenantGate(IOptions<PenjadwalanOptions> jadwal, IOptions<ConnectorOptions> connector, TimeProvider time, ILogger<PostgreSqlTenantGate> logger)
    {
        ArgumentNullException.ThrowIfNull(jadwal);
        ArgumentNullException.ThrowIfNull(connector);
        var o = jadwal.Value;
        // A claim holds a connection for about a millisecond: a few suffice for hundreds of calls a second, and the
        // server's connection limit is shared with Hangfire and the other instances (not one connection per waiting call).
        _db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(o.PostgreSqlConnectionString!.Trim()) { MaxPoolSize = MaxConnections }.ConnectionString);
        _table = o.PostgreSqlSchema + "." + Table;
        Schema = o.PostgreSqlSchema;
        _interval = TenantPacing.Interval(connector.Value);
        _fallback = new InProcessTenantGate(connector, time);
        _time = time;
        _logger = logger;
        _origin = time.GetTimestamp();
        Description = string.Create(CultureInfo.InvariantCulture,
            $"shared by every instance through PostgreSQL ({_table}), one call every {_interval.TotalMilliseconds:0.###} ms per tenant");
    }

    public string Description { get; }

    private string Schema { get; }

    public async ValueTask<TenantSlot> ReserveAsync(string tenantId, TimeSpan longestPause, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureTableAsync(cancellationToken);
            await using var cmd = _db.CreateCommand($"""
                INSERT INTO {_table} AS g (tenant, slot_berikut, jeda_sampai) VALUES ($1, clock_timestamp() + $2, 'epoch')
                ON CONFLICT (tenant) DO UPDATE SET slot_berikut = CASE
                    WHEN g.jeda_sampai > clock_timestamp() + $3 THEN g.slot_berikut
                    ELSE GREATEST(g.slot_berikut, g.jeda_sampai, clock_timestamp()) + $2 END
                RETURNING g.slot_berikut - $2, clock_timestamp(), EXTRACT(EPOCH FROM (g.jeda_sampai - clock_timestamp()))::float8
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = _interval, NpgsqlDbType = NpgsqlDbType.Interval });
            cmd.Parameters.Add(new NpgsqlParameter { Value = longestPause, NpgsqlDbType = NpgsqlDbType.Interval });
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var pada = new DateTimeOffset(reader.GetFieldValue<DateTime>(0), TimeSpan.Zero);
            var dbNow = new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero);
            var paused = Seconds(reader.GetDouble(2));
            var now = Now();

            // The slot on this instance's clock: the database's clock plus the smallest offset seen lately (the answer that
            // came back fastest). An answer that was slow to arrive leaves less (or negative) wait, and the caller sees it
            // is late instead of sending that much after its slot.
            var offset = Offset(_time.GetUtcNow() - dbNow);
            var wait = pada + offset - _time.GetUtcNow();
            if (paused > TimeSpan.Zero)
            {
                _pausedUntil.AddOrUpdate(tenantId, now + paused, (_, known) => known > now + paused ? known : now + paused);
            }

            return paused > longestPause
                ? new TenantSlot(TimeSpan.Zero, pada, paused)
                : new TenantSlot(wait, pada);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            Unavailable(e);
            return await _fallback.ReserveAsync(tenantId, longestPause, cancellationToken);
        }
    }

    public async Task PauseAsync(string tenantId, TimeSpan delay)
    {
        var now = Now();
        _pausedUntil.AddOrUpdate(tenantId, now + delay, (_, known) => known > now + delay ? known : now + delay);
        await _fallback.PauseAsync(tenantId, delay);
        try
        {
            await EnsureTableAsync(CancellationToken.None);
            await using var cmd = _db.CreateCommand($"""
                INSERT INTO {_table} AS g (tenant, slot_berikut, jeda_sampai) VALUES ($1, 'epoch', clock_timestamp() + $2)
                ON CONFLICT (tenant) DO UPDATE SET jeda_sampai = GREATEST(g.jeda_sampai, clock_timestamp() + $2)
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = delay, NpgsqlDbType = NpgsqlDbType.Interval });
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            Unavailable(e);
        }
    }

    public TimeSpan PausedFor(string tenantId)
    {
        var left = _pausedUntil.TryGetValue(tenantId, out var until) ? until - Now() : TimeSpan.Zero;
        return left > PauseSlack ? left : TimeSpan.Zero;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _schema.Dispose();
    }

    public void Dispose()
    {
        _db.Dispose();
        _schema.Dispose();
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    /// <summary>The least (local − database) clock offset of this period and the last (30 s each): the true offset plus the fastest answer's latency.</summary>
    private TimeSpan Offset(TimeSpan sample)
    {
        lock (_offsets)
        {
            var now = Now();
            if (now - _periodStart >= OffsetPeriod)
            {
                _previousMin = _currentMin;
                _currentMin = TimeSpan.MaxValue;
                _periodStart = now;
            }

            if (sample < _currentMin)
            {
                _currentMin = sample;
            }

            return _previousMin < _currentMin ? _previousMin : _currentMin;
        }
    }

    private static TimeSpan Seconds(double seconds) =>
        double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Clamp(seconds, -TimeSpan.FromDays(1).TotalSeconds, TimeSpan.FromDays(1).TotalSeconds)) : TimeSpan.Zero;

    /// <summary>The schema (Hangfire's, which may not exist yet) and the table, created once; instances starting together serialize on an advisory lock.</summary>
    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady))
        {
            return;
        }

        await _schema.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var connection = await _db.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var cmd = new NpgsqlCommand($"""
                SELECT pg_advisory_xact_lock(hashtext('{_table}'));
                CREATE SCHEMA IF NOT EXISTS {Schema};
                CREATE TABLE IF NOT EXISTS {_table} (
                    tenant text PRIMARY KEY,
                    slot_berikut timestamptz NOT NULL,
                    jeda_sampai timestamptz NOT NULL);
                """, connection, tx))
            {
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            Volatile.Write(ref _schemaReady, true);
        }
        finally
        {
            _schema.Release();
        }
    }

    private void Unavailable(Exception e)
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if (last == long.MinValue || _time.GetElapsedTime(last, now) >= WarnEvery)
        {
            Interlocked.Exchange(ref _lastWarning, now);
            Log.Unavailable(_logger, _table, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9550, Level = LogLevel.Warning,
            Message = "The shared tenant gate {Table} cannot be reached: this instance paces tenants by itself until it can")]
        public static partial void Unavailable(ILogger logger, string table, Exception exception);
    }
}
