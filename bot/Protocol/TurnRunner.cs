using System.Collections.Concurrent;

namespace KinerjaBot.Protocol;

/// <summary>
/// Runs a turn in its own DI scope and waits for it only as long as the channel can wait: Teams gives a bot 15 s to
/// answer and then re-sends the activity (botframework-protocol.md §1.1). A turn still running after
/// <see cref="Budget"/> is acknowledged and finishes in the background, tied to the host's lifetime rather than to
/// the HTTP request; the host waits for such turns when it stops.
/// </summary>
public sealed partial class TurnRunner(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TurnRunner> logger) : IHostedService
{
    /// <summary>How long the HTTP request waits for a turn before acknowledging it.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Task, byte> _background = new();

    /// <summary>Turns acknowledged before they finished and still running.</summary>
    public int InBackground => _background.Count;

    /// <summary>Runs <paramref name="work"/>; returns when it is done or when the budget is spent, whichever is first.</summary>
    public async Task RunAsync(string? activityId, Func<IServiceProvider, CancellationToken, Task> work)
    {
        var turn = RunInScopeAsync(activityId, work);
        using var budget = new CancellationTokenSource();
        var timer = Task.Delay(Budget, time, budget.Token);
        if (await Task.WhenAny(turn, timer) == turn)
        {
            await budget.CancelAsync();
            await turn;
            return;
        }

        Log.Backgrounded(logger, activityId, Budget.TotalSeconds);
        _background.TryAdd(turn, 0);
        _ = turn.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until no turn runs in the background (tests, and the host when it stops).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (!_background.IsEmpty)
        {
            await Task.WhenAll(_background.Keys).WaitAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Log.Abandoned(logger, _background.Count);
        }
    }

    private async Task RunInScopeAsync(string? activityId, Func<IServiceProvider, CancellationToken, Task> work)
    {
        // Never the request's token: an acknowledged turn must go on after the response is sent.
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await work(scope.ServiceProvider, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Log.Abandoned(logger, 1);
        }
        catch (Exception e)
        {
            // The turn's own error handling already answered the user; this only keeps a background fault visible.
            Log.Failed(logger, e, activityId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Activity {ActivityId} acknowledged after {Seconds} s; the turn goes on in the background")]
        public static partial void Backgrounded(ILogger logger, string? activityId, double seconds);

        [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "{Count} turn(s) abandoned because the host is stopping")]
        public static partial void Abandoned(ILogger logger, int count);

        [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Turn for activity {ActivityId} failed outside the turn's error handling")]
        public static partial void Failed(ILogger logger, Exception exception, string? activityId);
    }
}
