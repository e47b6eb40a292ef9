using KinerjaBot.Entra;
using KinerjaBot.Hosting.Cli;
using KinerjaBot.Tests.Entra;
using KinerjaBot.Tests.Reach;
using KinerjaBot.Tests.Storage;
using KinerjaBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Tests.Cli;

/// <summary><c>KinerjaBot sinkron-direktori [--kantor KODE]</c>: the report on stdout, in Bahasa Indonesia.</summary>
public sealed class SinkronDirektoriCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-cli-direktori-");

    public SinkronDirektoriCliTests()
    {
        using var store = new TestStore(DbPath);
        store.Kantor.SimpanAsync(KantorKecil.Data(), CancellationToken.None).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
    }

    private string DbPath => Path.Combine(_dir.FullName, "kinerja.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private async Task<(int Kode, string Stdout, string Stderr)> Jalankan(FakeGraph? graph, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Action<IServiceCollection>? layanan = graph is null
            ? null
            : s =>
            {
                s.RemoveAll<IDirectory>();
                s.AddSingleton<IDirectory>(sp => new GraphDirectory(graph.Client(), sp.GetRequiredService<IOptions<GraphOptions>>(), NullLogger<GraphDirectory>.Instance));
            };
        var kode = await KinerjaCli.RunAsync([.. args, $"--Kinerja:Storage:SqlitePath={DbPath}"], stdout, stderr, layanan, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        return (kode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void IsCommand_MengenaliVerb() => Assert.True(KinerjaCli.IsCommand(["sinkron-direktori"]));

    [Fact]
    public async Task Sinkron_MencetakLaporan_Exit0()
    {
        var (kode, stdout, stderr) = await Jalankan(SinkronDirektoriTests.Rekam(new FakeGraph()), "sinkron-direktori", "--kantor", "kppn-metro");

        Assert.Equal(0, kode);
        Assert.Equal("", stderr);
        var baris = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Sinkronisasi direktori KPPN-METRO: 7 pegawai, 6 ditemukan di Entra ID (4 lewat NIP/employeeId, 2 lewat email), 6 tautan akun Teams baru atau diperbarui.", baris[0]);
        Assert.Contains("  198211052003121004 Bagus Prasetyo Nugroho: manajer di Entra ID Maya Kurniasari <maya.kurniasari@kemenkeu.example>, atasan di data kantor 197603141998031002 Hendarto Wibisono.", baris);
        Assert.Equal("Data kantor tetap menjadi acuan: tidak ada yang diubah di Entra ID maupun di data kantor.", baris[^1]);
    }

    [Fact]
    public async Task TanpaKantor_SemuaKantorDisinkronkan()
    {
        var (kode, stdout, _) = await Jalankan(SinkronDirektoriTests.Rekam(new FakeGraph()), "sinkron-direktori");

        Assert.Equal(0, kode);
        Assert.StartsWith("Sinkronisasi direktori KPPN-METRO:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphBelumDikonfigurasi_Exit3_MenyebutKunci()
    {
        var (kode, stdout, stderr) = await Jalankan(null, "sinkron-direktori");

        Assert.Equal(KinerjaCli.ExitKonfigurasi, kode);
        Assert.Equal("", stdout);
        Assert.Contains("Konfigurasi tidak valid:", stderr, StringComparison.Ordinal);
        Assert.Contains(GraphOptions.PesanBelumDikonfigurasi, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphSalahKonfigurasi_Exit3_MenyebutKunci()
    {
        var (kode, _, stderr) = await Jalankan(null, "sinkron-direktori", "--Kinerja:Graph:ManifestId=kinerjabot");

        Assert.Equal(KinerjaCli.ExitKonfigurasi, kode);
        Assert.Contains("Kinerja:Graph:ManifestId 'kinerjabot' harus GUID", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KantorTidakAda_Exit1()
    {
        var (kode, _, stderr) = await Jalankan(new FakeGraph(), "sinkron-direktori", "--kantor", "KPPN-LAIN");

        Assert.Equal(KinerjaCli.ExitGagal, kode);
        Assert.Contains("Kantor KPPN-LAIN tidak ada di basis data (yang ada: KPPN-METRO).", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphGagal_Exit1_PesanGagal()
    {
        var (kode, _, stderr) = await Jalankan(new FakeGraph(), "sinkron-direktori");

        Assert.Equal(KinerjaCli.ExitGagal, kode);
        Assert.StartsWith("Gagal: Microsoft Graph gagal saat mencari pengguna: 500 UnexpectedCall", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sinkron-direktori", "--tahun", "2026")]
    [InlineData("sinkron-direktori", "kppn-metro")]
    public async Task ArgumenSalah_Exit2(params string[] args)
    {
        var (kode, _, stderr) = await Jalankan(new FakeGraph(), args);

        Assert.Equal(KinerjaCli.ExitArgumen, kode);
        Assert.StartsWith("Argumen salah: sinkron-direktori tidak", stderr, StringComparison.Ordinal);
    }
}
