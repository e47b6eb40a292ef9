using System.Collections.Concurrent;

namespace KinerjaBot.Protocol;

/// <summary>
/// Teams retries an activity whose HTTP answer took longer than 15 s (botframework-protocol.md §1.1): the same
/// (conversation, activity id) seen again within the window is acknowledged and not processed twice.
/// </summary>
public sealed class ActivityDeduplicator(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> _seen = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time; false for a repeat inside the window.</summary>
    public bool FirstTime(string conversationId, string activityId)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + TimeSpan.FromMinutes(5);
            foreach (var (old, oldAt) in _seen)
            {
                if (now - oldAt > Window)
                {
                    _seen.TryRemove(old, out _);
                }
            }
        }

        var key = (conversationId, activityId);
        while (true)
        {
            if (_seen.TryGetValue(key, out var seenAt))
            {
                if (now - seenAt <= Window)
                {
                    return false;
                }

                if (_seen.TryUpdate(key, now, seenAt))
                {
                    return true;
                }
            }
            else if (_seen.TryAdd(key, now))
            {
                return true;
            }
        }
    }
}
