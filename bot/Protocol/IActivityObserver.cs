namespace KinerjaBot.Protocol;

/// <summary>
/// Sees every validated inbound activity, of any type, before it is dispatched to the <see cref="IActivityHandler"/>
/// (e.g. to remember how to reach its sender). An observer must not answer the user and must not decide the turn.
/// </summary>
public interface IActivityObserver
{
    Task ObserveAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>The protocol edge's single call into the observers registered in DI.</summary>
public static partial class ActivityObservers
{
    /// <summary>
    /// Runs each observer in turn. An observer's failure is logged and swallowed: the user's turn goes on whatever
    /// happens to the bookkeeping. Only the request's own cancellation stops it.
    /// </summary>
    public static async Task NotifyAsync(IServiceProvider services, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(activity);
        ILogger? logger = null;
        foreach (var observer in services.GetServices<IActivityObserver>())
        {
            try
            {
                await observer.ObserveAsync(activity, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                logger ??= services.GetRequiredService<ILoggerFactory>().CreateLogger("KinerjaBot.Protocol.Observers");
                Log.ObserverFailed(logger, e, observer.GetType().Name, activity.Type, activity.Id);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Observer {Observer} failed on {ActivityType} activity {ActivityId}; the turn continues")]
        public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string? activityType, string? activityId);
    }
}
