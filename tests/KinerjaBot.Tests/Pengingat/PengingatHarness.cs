using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Jadwal;
using Kinerja.Jobs.Pengiriman;
using KinerjaBot.Hosting;
using KinerjaBot.Import;
using KinerjaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Pengingat;

/// <summary>
/// The delivery engine's port, recorded: our own port (jobs/Pengiriman/Kontrak.cs), with the ledger's rule that an
/// existing key is left as it is. The real engine is part A's.
/// </summary>
public sealed class RecordingPengirimanMassal : IPengirimanMassal
{
    private readonly Dictionary<string, RencanaKirim> _buku = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RencanaKirim> Buku => _buku.Values;

    public List<IReadOnlyCollection<RencanaKirim>> Panggilan { get; } = [];

    public Task<HasilRencana> RencanakanAsync(IReadOnlyCollection<RencanaKirim> rencana, CancellationToken cancellationToken)
    {
        Panggilan.Add(rencana);
        var baru = rencana.Count(r => _buku.TryAdd(r.Kunci.ToString(), r));
        return Task.FromResult(new HasilRencana(baru, rencana.Count - baru));
    }

    public IReadOnlyList<KunciPengiriman> Jenis(string jenis) => [.. _buku.Values.Select(r => r.Kunci).Where(k => k.Jenis == jenis)];
}

/// <summary>
/// The real registrations (storage on a SQLite file in a temp folder, import, scoring, <c>AddKinerjaPengingat</c>)
/// with the clock faked and the delivery engine recorded: the daily job and the builders run as in the host.
/// </summary>
public sealed class PengingatHarness : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kinerja-pengingat-").FullName;

    public PengingatHarness(DateTimeOffset sekarang, IReadOnlyDictionary<string, string?>? konfigurasi = null, Action<IServiceCollection>? layanan = null)
    {
        Time = new FakeTimeProvider(sekarang);
        var nilai = new Dictionary<string, string?> { ["Kinerja:Storage:SqlitePath"] = Path.Combine(_dir, "kinerja.db") };
        foreach (var (k, v) in konfigurasi ?? new Dictionary<string, string?>())
        {
            nilai[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(nilai).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new Penilai(KebijakanPenilaianReader.BacaPreset("kmk467")));
        services.AddKinerjaStorage(configuration).AddKinerjaImport().AddKinerjaPengingat(configuration);
        services.AddSingleton<IPengirimanMassal>(Pengiriman);
        layanan?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; }

    public RecordingPengirimanMassal Pengiriman { get; } = new();

    public ServiceProvider Services { get; }

    public IKantorStore Kantor => Services.GetRequiredService<IKantorStore>();

    public IKontrakStore Kontrak => Services.GetRequiredService<IKontrakStore>();

    public string DbPath => Path.Combine(_dir, "kinerja.db");

    /// <summary>The demo office (KPPN Metro) imported as a coordinator would, at the current fake time.</summary>
    public async Task ImporDemoAsync() => await Services.GetRequiredService<KantorImporter>().ImporAsync(Kinerja.Testing.RepoPaths.DemoData, CancellationToken.None);

    /// <summary>An office built in the test, saved and its SKP workflows seeded at the current fake time.</summary>
    public async Task SimpanAsync(DataKantor data)
    {
        await Kantor.SimpanAsync(data, CancellationToken.None);
        var zona = data.UnitInduk!.ZonaWaktu;
        var lokal = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId));
        await Kontrak.SemaiAsync(data, new MomenKantor(Time.GetUtcNow(), zona.IanaId, DateOnly.FromDateTime(lokal.DateTime)), CancellationToken.None);
    }

    /// <summary>Runs the daily job of an office now, in a scope as Hangfire's activator does.</summary>
    public async Task<HasilRencana?> JalankanAsync(string kodeKantor)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PengingatHarianJob>().JalankanAsync(kodeKantor, CancellationToken.None);
    }

    /// <summary>Builds a message now, as the engine would at send time.</summary>
    public async Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci)
    {
        await using var scope = Services.CreateAsyncScope();
        var penyusun = scope.ServiceProvider.GetServices<IPenyusunPesan>().Single(p => p.Jenis == kunci.Jenis);
        return await penyusun.SusunAsync(kunci, Time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>Sets the clock to a local wall time of a zone (e.g. 08:00 WIT).</summary>
    public void Pada(int tahun, int bulan, int hari, int jam, string zona = "Asia/Jakarta") =>
        Time.SetUtcNow(WaktuLokal(tahun, bulan, hari, jam, zona));

    public static DateTimeOffset WaktuLokal(int tahun, int bulan, int hari, int jam, string zona = "Asia/Jakarta")
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zona);
        var lokal = new DateTime(tahun, bulan, hari, jam, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(lokal, tz.GetUtcOffset(lokal)).ToUniversalTime();
    }

    public void Dispose()
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
