using KinerjaBot.Penjadwalan;
using Microsoft.Extensions.Logging.Abstractions;

namespace KinerjaBot.Tests.Pengiriman;

public sealed class LantaiThreadPoolTests
{
    [Theory]
    [InlineData(4, 8, 32)]
    [InlineData(16, 8, 128)]
    [InlineData(200, 256, 51_200)]
    public void Lantai_SatuThreadPerKirimanBerjalan_DitambahSatuPerCore(int pekerja, int paralel, int kiriman)
    {
        var lantai = LantaiThreadPool.Untuk(pekerja, paralel);
        Assert.Equal(Math.Min(LantaiThreadPool.Maksimum, kiriman + Environment.ProcessorCount), lantai);
    }

    [Fact]
    public void Terapkan_MenaikkanMinimumPool_TidakPernahMenurunkan()
    {
        LantaiThreadPool.Terapkan(2, 3, NullLogger.Instance);
        ThreadPool.GetMinThreads(out var setelah, out _);
        Assert.True(setelah >= LantaiThreadPool.Untuk(2, 3));

        // A smaller floor afterwards leaves the pool's minimum as it is.
        LantaiThreadPool.Terapkan(1, 1, NullLogger.Instance);
        ThreadPool.GetMinThreads(out var lagi, out _);
        Assert.Equal(setelah, lagi);
    }
}
