using System.Net;
using Kinerja.Domain.Ports;
using KinerjaBot.Entra;
using KinerjaBot.Tests.Reach;
using KinerjaBot.Tests.Storage;
using KinerjaBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KinerjaBot.Tests.Entra;

/// <summary>
/// The directory sync against recorded Graph answers, through the real Graph SDK, on a real SQLite file: employees
/// found by NIP (two pages) or by e-mail, the links remembered, the supervisor chain compared and only reported.
/// </summary>
public sealed class SinkronDirektoriTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Pukul10 = new(2026, 11, 28, 3, 10, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kinerja-direktori-");
    private readonly FakeTimeProvider _time = new(Pukul10);
    private readonly TestStore _store;
    private readonly FakeGraph _graph = new();

    public SinkronDirektoriTests()
    {
        _store = new TestStore(Path.Combine(_dir.FullName, "kinerja.db"), _time);
        Rekam(_graph);
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    /// <summary>The Graph answers for the small office (tests/fixtures/graph/README.md).</summary>
    public static FakeGraph Rekam(FakeGraph graph) => graph
        .Get("/users", "users-employeeId-page1.json", q => q.Contains("employeeId in (", StringComparison.Ordinal) && !q.Contains("$skiptoken", StringComparison.Ordinal))
        .Get("/users", "users-employeeId-page2.json", q => q.Contains("$skiptoken=", StringComparison.Ordinal))
        .Get("/users", "users-email.json", q => q.Contains("mail in (", StringComparison.Ordinal))
        .Get($"/users/{KantorKecil.Aad(KantorKecil.Ratna)}/manager", "manager-hendarto.json")
        .Get($"/users/{KantorKecil.Aad(KantorKecil.Bagus)}/manager", "manager-maya.json")
        .Get($"/users/{KantorKecil.Aad(KantorKecil.Maya)}/manager", "error-manager-not-found.json", status: HttpStatusCode.NotFound)
        .Get($"/users/{KantorKecil.Aad(KantorKecil.Dimas)}/manager", "manager-ratna.json")
        .Get($"/users/{KantorKecil.Aad(KantorKecil.Rizky)}/manager", "manager-ratna.json");

    private SinkronDirektori Sinkron() => new(_store.Kantor, _store.Pengguna, Direktori(_graph), _time, NullLogger<SinkronDirektori>.Instance);

    public static GraphDirectory Direktori(FakeGraph graph, GraphOptions? options = null) =>
        new(graph.Client(), Options.Create(options ?? new GraphOptions()), NullLogger<GraphDirectory>.Instance);

    [Fact]
    public async Task Sinkron_CocokLewatNipDanEmail_SelisihAtasanDilaporkan()
    {
        await _store.Kantor.SimpanAsync(KantorKecil.Data(), Ct);

        var laporan = await Sinkron().SinkronAsync("kppn-metro", Ct);

        Assert.Equal(
            [
                (KantorKecil.Hendarto, CaraCocok.EmployeeId),
                (KantorKecil.Ratna, CaraCocok.EmployeeId),
                (KantorKecil.Bagus, CaraCocok.EmployeeId),
                (KantorKecil.Maya, CaraCocok.EmployeeId), // on the second page
                (KantorKecil.Dimas, CaraCocok.Email),
                (KantorKecil.Rizky, CaraCocok.Email), // by userPrincipalName: the account has no mail
            ],
            laporan.Ditemukan.Select(d => (d.Nip, d.Cara)));
        Assert.Equal(
            [
                (KantorKecil.Bagus, JenisSelisih.ManajerBerbeda, "Maya Kurniasari"),
                (KantorKecil.Maya, JenisSelisih.TanpaManajer, null),
                (KantorKecil.Siti, JenisSelisih.TidakDitemukanDiDirektori, null),
            ],
            laporan.Selisih.Select(s => (s.Nip, s.Jenis, s.Manajer?.NamaTampilan)));
        var bagus = laporan.Selisih[0];
        Assert.Equal((KantorKecil.Hendarto, "Hendarto Wibisono"), (bagus.NipAtasan!.Value, bagus.NamaAtasan));
        Assert.Equal((7, 6), (laporan.JumlahPegawai, laporan.DitautkanBaru));
        _graph.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Sinkron_PermintaanKeGraph_FilterBatchDanSelectLengkap_HanyaMembaca()
    {
        await _store.Kantor.SimpanAsync(KantorKecil.Data(), Ct);

        await Sinkron().SinkronAsync(KantorKecil.Kode, Ct);

        var pertama = _graph.Requests.First();
        Assert.Equal("/v1.0/users", pertama.Path);
        Assert.Contains("$filter=employeeId in ('197603141998031002','198407222006122001','198211052003121004','198502182007012003',"
                        + "'199505112018031005','199708032019032002','199601272018031008')", pertama.Query, StringComparison.Ordinal);
        Assert.Contains("$select=id,displayName,mail,userPrincipalName,employeeId", pertama.Query, StringComparison.Ordinal);
        var email = Assert.Single(_graph.Requests, r => r.Query.Contains("mail in", StringComparison.Ordinal));
        Assert.Contains("mail in ('dimas.pratama@kemenkeu.example','siti.putri@kemenkeu.example','rizky.ramadhan@kemenkeu.example') "
                        + "or userPrincipalName in ('dimas.pratama@kemenkeu.example','siti.putri@kemenkeu.example','rizky.ramadhan@kemenkeu.example')",
            email.Query, StringComparison.Ordinal);
        // The head of the office has no atasan in the office data: their manager is not read.
        Assert.DoesNotContain(_graph.Requests, r => r.Path.Contains(KantorKecil.Aad(KantorKecil.Hendarto), StringComparison.Ordinal));
        // Nothing is written to the directory.
        Assert.All(_graph.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task Sinkron_TautanAkunDiingat_DenganEmailDataKantor_DataKantorTidakBerubah()
    {
        await _store.Kantor.SimpanAsync(KantorKecil.Data(), Ct);
        var sebelum = TestStore.DumpDb(_store.DbPath);

        await Sinkron().SinkronAsync(KantorKecil.Kode, Ct);

        // Dimas's account writes his address with capitals; the link keeps the office data's, which the resolver checks.
        Assert.Equal(
            new PenggunaTerkait(KantorKecil.Aad(KantorKecil.Dimas), KantorKecil.Kode, KantorKecil.Dimas, "dimas.pratama@kemenkeu.example", Pukul10),
            await _store.Pengguna.CariAsync(KantorKecil.Aad(KantorKecil.Dimas), Ct));
        Assert.Equal(KantorKecil.Aad(KantorKecil.Maya), (await _store.Pengguna.CariByNipAsync(KantorKecil.Kode, KantorKecil.Maya, Ct))!.AadObjectId);
        Assert.Null(await _store.Pengguna.CariByNipAsync(KantorKecil.Kode, KantorKecil.Siti, Ct));
        var sesudah = TestStore.DumpDb(_store.DbPath);
        Assert.Equal(Bagian(sebelum, "pegawai"), Bagian(sesudah, "pegawai"));
        Assert.Equal(Bagian(sebelum, "unit"), Bagian(sesudah, "unit"));

        // A second run finds the same links and writes none.
        var kedua = await new SinkronDirektori(_store.Kantor, _store.Pengguna, Direktori(Rekam(new FakeGraph())), _time, NullLogger<SinkronDirektori>.Instance)
            .SinkronAsync(KantorKecil.Kode, Ct);
        Assert.Equal(0, kedua.DitautkanBaru);
    }

    [Fact]
    public async Task Laporan_DalamBahasaIndonesia()
    {
        await _store.Kantor.SimpanAsync(KantorKecil.Data(), Ct);

        var laporan = await Sinkron().SinkronAsync(KantorKecil.Kode, Ct);

        Assert.Equal(
            [
                "Sinkronisasi direktori KPPN-METRO: 7 pegawai, 6 ditemukan di Entra ID (4 lewat NIP/employeeId, 2 lewat email), 6 tautan akun Teams baru atau diperbarui.",
                "Selisih (3):",
                "  198211052003121004 Bagus Prasetyo Nugroho: manajer di Entra ID Maya Kurniasari <maya.kurniasari@kemenkeu.example>, atasan di data kantor 197603141998031002 Hendarto Wibisono.",
                "  198502182007012003 Maya Kurniasari: tidak punya manajer di Entra ID; atasan di data kantor: 197603141998031002 Hendarto Wibisono.",
                "  199708032019032002 Siti Nurhaliza Putri: tidak ditemukan di Entra ID (NIP maupun email); atasan di data kantor: 198407222006122001 Ratna Dewi Anggraini.",
                "Data kantor tetap menjadi acuan: tidak ada yang diubah di Entra ID maupun di data kantor.",
            ],
            laporan.Baris());
    }

    [Fact]
    public async Task Sinkron_DuaAkunSatuNip_TidakDitautkan_DilaporkanGanda()
    {
        await _store.Kantor.SimpanAsync(KantorKecil.Data(), Ct);
        var graph = new FakeGraph()
            .Get("/users", "users-employeeId-ganda.json", q => q.Contains("employeeId in (", StringComparison.Ordinal))
            .Get("/users", "users-empty.json", q => q.Contains("mail in (", StringComparison.Ordinal));

        var laporan = await new SinkronDirektori(_store.Kantor, _store.Pengguna, Direktori(graph), _time, NullLogger<SinkronDirektori>.Instance)
            .SinkronAsync(KantorKecil.Kode, Ct);

        Assert.Equal(JenisSelisih.GandaDiDirektori, Assert.Single(laporan.Selisih, s => s.Nip == KantorKecil.Bagus).Jenis);
        Assert.Null(await _store.Pengguna.CariByNipAsync(KantorKecil.Kode, KantorKecil.Bagus, Ct));
        Assert.Contains("  198211052003121004 Bagus Prasetyo Nugroho: lebih dari satu akun Entra ID memakai NIP atau email ini; tidak ditautkan.", laporan.Baris());
        // Bagus is not searched again by e-mail: the NIP already told us the directory is ambiguous.
        Assert.DoesNotContain("bagus.nugroho", Assert.Single(graph.Requests, r => r.Query.Contains("mail in", StringComparison.Ordinal)).Query, StringComparison.Ordinal);
        graph.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task Direktori_NipLebihDari15_DipecahPerBatch()
    {
        var graph = new FakeGraph().Get("/users", "users-empty.json");
        var nip = Enumerable.Range(1, 20).Select(i => Kinerja.Testing.Builders.NipContoh.Ke(i).Value).ToList();

        var akun = await Direktori(graph).CariByEmployeeIdAsync(nip, Ct);

        Assert.Empty(akun);
        Assert.Equal([15, 5], graph.Requests.Select(r => r.Query.Split("in (")[1].Split(')')[0].Split(',').Length));
    }

    [Fact]
    public async Task Direktori_KutipTunggalDalamEmail_DiloloskanSesuaiOData()
    {
        var graph = new FakeGraph().Get("/users", "users-empty.json");

        await Direktori(graph).CariByEmailAsync(["o'neil@kemenkeu.example"], Ct);

        Assert.Contains("mail in ('o''neil@kemenkeu.example')", Assert.Single(graph.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direktori_GraphGagal_DirektoriExceptionDenganStatus()
    {
        var graph = new FakeGraph(); // every call is unexpected: 500

        var e = await Assert.ThrowsAsync<DirektoriException>(() => Direktori(graph).ManajerAsync(KantorKecil.Aad(KantorKecil.Bagus), Ct));

        Assert.Equal(500, e.Status);
        Assert.Contains("Microsoft Graph gagal saat membaca manajer", e.Message, StringComparison.Ordinal);
    }

    private static string Bagian(string dump, string tabel)
    {
        var awal = dump.IndexOf($"## {tabel}\n", StringComparison.Ordinal);
        var akhir = dump.IndexOf("## ", awal + 3, StringComparison.Ordinal);
        return akhir < 0 ? dump[awal..] : dump[awal..akhir];
    }
}
