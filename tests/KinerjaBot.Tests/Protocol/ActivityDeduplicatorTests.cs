using KinerjaBot.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Protocol;

public sealed class ActivityDeduplicatorTests
{
    [Fact]
    public void AktivitasSamaDalamSatuJam_HanyaPertamaYangDiproses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        var dedup = new ActivityDeduplicator(time);

        Assert.True(dedup.FirstTime("a:1", "m1"));
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(dedup.FirstTime("a:1", "m1"));
        Assert.True(dedup.FirstTime("a:2", "m1")); // same id in another conversation is another activity
    }

    [Fact]
    public void SetelahLewatSatuJam_AktivitasDiprosesLagi()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
        var dedup = new ActivityDeduplicator(time);

        Assert.True(dedup.FirstTime("a:1", "m1"));
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.True(dedup.FirstTime("a:1", "m1"));
    }

    [Fact]
    public void BanyakUtasSekaligus_TepatSatuYangMenang()
    {
        var dedup = new ActivityDeduplicator(TimeProvider.System);
        var winners = 0;

        Parallel.For(0, 64, _ =>
        {
            if (dedup.FirstTime("a:1", "race"))
            {
                Interlocked.Increment(ref winners);
            }
        });

        Assert.Equal(1, winners);
    }
}
