using System.Globalization;
using Kinerja.Cards;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing;
using Kinerja.Testing.Builders;
using Kinerja.Testing.CardLint;
using KinerjaBot.Import;
using CardJson = KinerjaBot.Tests.Support.CardJson;

namespace KinerjaBot.Tests.Dialog;

/// <summary>
/// Agendas of the demo office KPPN Metro on 28 November 2026 with the data up to 2026 TW III, checked item by item
/// against the CSV rows (<c>bot/DemoData/kppn-metro</c>): which IKU are below 100 and why, their consolidated target
/// (<c>average</c>: mean of the quarters; <c>tlkv</c>: the last quarter), realisation and gap, the realisation still
/// missing, the SKP state with its deadline, the carried-over follow-ups, and for the DKO the unit's NKO trend.
/// </summary>
public sealed class AgendaDemoTests
{
    private static readonly DateOnly HariIni = new(2026, 11, 28);
    private static readonly Periode Tw3 = new(2026, 3);
    private static readonly Penilai Penilai = KebijakanBuilder.Kmk467().BuildPenilai();
    private static readonly Nip Hendarto = Nip.Parse("197603141998031002");
    private static readonly Nip Bagus = Nip.Parse("198211052003121004");
    private static readonly Nip Lestari = Nip.Parse("199312012015032004");
    private static readonly Nip Nurul = Nip.Parse("199611192019032005");
    private static readonly KeadaanSkp Skp2027Diajukan = new(2027, StatusSkp.Diajukan, TenggatSkp.Untuk(2027));

    private static readonly Lazy<DataKantor> Data = new(() =>
    {
        var hasil = new DataKantorReader(Penilai.Kebijakan).Read(RepoPaths.DemoData);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        return hasil.Data!;
    });

    /// <summary>The realisations of an IKU for TW I–III as the CSV holds them.</summary>
    private static decimal[] Realisasi(Nip pemilik, string kode) =>
        [.. File.ReadAllLines(Path.Combine(RepoPaths.DemoData, "realisasi.csv"))
            .Select(l => l.Split(','))
            .Where(c => c[0] == "2026" && c[1] == pemilik.Value && c[2] == kode && c[3] is "TW1" or "TW2" or "TW3")
            .Select(c => decimal.Parse(c[4], CultureInfo.InvariantCulture))];

    private static AgendaDialog Dki(Nip pemimpin, Nip bawahan, params TindakLanjut[] tindakLanjut) => new PenyusunAgenda(Penilai)
        .Dki(Data.Value, Data.Value.CariPegawai(pemimpin)!, Data.Value.CariPegawai(bawahan)!, Tw3, [Skp2027Diajukan], tindakLanjut, HariIni);

    [Fact]
    public void Dki_BagusDenganLestari_DuaIkuDiBawahTarget_TerburukDulu_LaluSkp2027()
    {
        var agenda = Dki(Bagus, Lestari);

        Assert.Equal(SeriDialog.Dki(Bagus, Lestari), agenda.Seri);
        Assert.Equal([JenisItemAgenda.IkuKuning, JenisItemAgenda.IkuKuning, JenisItemAgenda.Skp], agenda.Item.Select(i => i.Jenis));

        // 2b.004 (average): mean of 95.27, 94.17, 84.51 against 99.4 each quarter → IC 91.87.
        var sp2d = agenda.Item[0];
        var r = Realisasi(Lestari, "2b.004");
        Assert.Equal(3, r.Length);
        Assert.Equal(("2b.004", 99.4m, r.Average(), r.Average() - 99.4m, 91.87m, "%"), (sp2d.KodeIku, sp2d.Target, sp2d.Realisasi, sp2d.Selisih, sp2d.IndeksCapaian, sp2d.Satuan));
        Assert.Equal("Capaian 91,87 di bawah 100,00", sp2d.Alasan);
        Assert.Equal("s.d. TW III 2026: target 99,40 %, realisasi 91,32 %, selisih -8,08", sp2d.Rincian);

        // 1b.004 (tlkv): the TW III realisation 87.07 against 90 → IC 96.74.
        var dak = agenda.Item[1];
        Assert.Equal(("1b.004", 90m, Realisasi(Lestari, "1b.004")[^1], -2.93m, 96.74m), (dak.KodeIku, dak.Target, dak.Realisasi, dak.Selisih, dak.IndeksCapaian));

        Assert.Equal(("SKP 2027: Diajukan", "SKP menunggu persetujuan atasan langsung", "Tenggat 31 Januari 2027 (64 hari lagi)"),
            (agenda.Item[2].Judul, agenda.Item[2].Alasan, agenda.Item[2].Rincian));
    }

    [Fact]
    public void Dki_KepalaKantorDenganBagus_IkuSeksiBagusYangDiBawahTarget()
    {
        var agenda = Dki(Hendarto, Bagus);

        Assert.Equal(["1b", "2b", "1a", null], agenda.Item.Select(i => i.KodeIku));
        Assert.Equal([96.87m, 98.79m, 99.47m], agenda.Item.Take(3).Select(i => i.IndeksCapaian!.Value));
        Assert.Equal(Realisasi(Bagus, "2b").Average(), agenda.Item[1].Realisasi);
        Assert.Equal(Realisasi(Bagus, "1a")[^1], agenda.Item[2].Realisasi);
    }

    [Fact]
    public void Dki_BagusDenganNurul_RealisasiTw3BelumAda_SesudahIkuDiBawahTarget()
    {
        Assert.Equal(2, Realisasi(Nurul, "2b.005").Length); // TW III is missing in realisasi.csv

        var agenda = Dki(Bagus, Nurul);

        Assert.Equal([JenisItemAgenda.IkuKuning, JenisItemAgenda.IkuKuning, JenisItemAgenda.RealisasiBelumAda, JenisItemAgenda.Skp], agenda.Item.Select(i => i.Jenis));
        Assert.Equal(["2c.005", "1a.005", "2b.005"], agenda.Item.Take(3).Select(i => i.KodeIku));
        Assert.Equal("Realisasi TW III belum diisi: nilai masih sementara", agenda.Item[2].Alasan);
    }

    [Fact]
    public void Dki_TindakLanjutTerbukaDariDialogSebelumnya_TerbawaSesudahSkp_TerlambatDulu()
    {
        var seri = SeriDialog.Dki(Bagus, Lestari);
        var pic = new Pelaku(Lestari, "Lestari Handayani");
        var lewat = new TindakLanjut("dlg-lalu-1", "KPPN-METRO", "dlg-lalu", seri, "Susun SOP antrean SPM", pic, new DateOnly(2026, 11, 20), new DateOnly(2026, 10, 27));
        var belum = new TindakLanjut("dlg-lalu-2", "KPPN-METRO", "dlg-lalu", seri, "Rekonsiliasi DAK", pic, new DateOnly(2026, 12, 15), new DateOnly(2026, 10, 27));

        var agenda = Dki(Bagus, Lestari, belum, lewat);

        Assert.Equal([JenisItemAgenda.IkuKuning, JenisItemAgenda.IkuKuning, JenisItemAgenda.Skp, JenisItemAgenda.TindakLanjutTerlambat, JenisItemAgenda.TindakLanjutTerbuka],
            agenda.Item.Select(i => i.Jenis));
        Assert.Equal(("Tindak lanjut: Susun SOP antrean SPM", "Terlambat 8 hari (tenggat 20 November 2026)", "PIC Lestari Handayani; disepakati 27 Oktober 2026"),
            (agenda.Item[3].Judul, agenda.Item[3].Alasan, agenda.Item[3].Rincian));
        Assert.Equal("Masih terbuka dari dialog sebelumnya (tenggat 15 Desember 2026)", agenda.Item[4].Alasan);
    }

    [Fact]
    public void Dko_KppnMetroTw3_IkuKantorDiBawahTarget_InisiatifKepala_DanTrenNko()
    {
        var unit = Data.Value.CariUnit("KPPN-METRO")!;
        var agenda = new PenyusunAgenda(Penilai).Dko(Data.Value, unit, Tw3, Data.Value.InisiatifUnit(unit.Kode, Tw3.Tahun), [], HariIni);

        Assert.Equal(SeriDialog.Dko(Hendarto, "KPPN-METRO"), agenda.Seri);
        Assert.Equal([JenisItemAgenda.IkuKuning, JenisItemAgenda.IkuKuning,
            JenisItemAgenda.InisiatifStrategis, JenisItemAgenda.InisiatifStrategis, JenisItemAgenda.InisiatifStrategis, JenisItemAgenda.TrenNko],
            agenda.Item.Select(i => i.Jenis));

        // The head's initiatives of inisiatif.csv, least progress first; on 28 November the archive digitisation (60 %, due
        // 30 September) is late, the SP2D service (85 %, due 15 December) and the finished clinic are monitored.
        var baris = File.ReadAllLines(Path.Combine(RepoPaths.DemoData, "inisiatif.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[0] == "2026" && c[1] == Hendarto.Value).OrderBy(c => decimal.Parse(c[4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, baris.Count);
        Assert.Equal(baris.Select(c => $"Inisiatif strategis: {c[3]}"), agenda.Item.Skip(2).Take(3).Select(i => i.Judul));
        Assert.Equal(("Inisiatif strategis melewati tenggat dan belum selesai",
                "Sasaran strategis Akuntansi dan pelaporan yang berkualitas; progres 60,00%; tenggat 30 September 2026; Pemindaian arsip 2024 tertunda menunggu alat pindai"),
            (agenda.Item[2].Alasan, agenda.Item[2].Rincian));
        Assert.Equal(("Kemajuan inisiatif strategis dipantau pada setiap DKO", "Sasaran strategis Layanan perbendaharaan yang prima; progres 85,00%; tenggat 15 Desember 2026"),
            (agenda.Item[3].Alasan, agenda.Item[3].Rincian));
        Assert.Equal("Kemajuan inisiatif strategis dipantau pada setiap DKO", agenda.Item[4].Alasan);
        // 2b (average): mean of 100, 93.52, 100 = 97.84 against 99.4; 4b (average): mean of 3.4, 3.12, 3.08 = 3.2 against 3.25.
        Assert.Equal(("2b", Realisasi(Hendarto, "2b").Average(), 99.4m, 98.43m), (agenda.Item[0].KodeIku, agenda.Item[0].Realisasi, agenda.Item[0].Target, agenda.Item[0].IndeksCapaian));
        Assert.Equal(("4b", Realisasi(Hendarto, "4b").Average(), 3.25m, 98.46m), (agenda.Item[1].KodeIku, agenda.Item[1].Realisasi, agenda.Item[1].Target, agenda.Item[1].IndeksCapaian));

        // The trend is the NKO of each quarter as the recap fixtures give it (tests/fixtures/kppn-metro/expected-rekap-2026-TWn.csv).
        var nko = Enumerable.Range(1, 3).Select(tw => NkoDariRekap(tw)).ToList();
        var tren = agenda.Item[5];
        Assert.Equal("Tren NKO KPPN Metro 2026", tren.Judul);
        Assert.Equal($"TW I 2026: {nko[0]} → TW II 2026: {nko[1]} → TW III 2026: {nko[2]}", tren.Rincian);
        Assert.Equal("NKO naik 0,62 poin dari triwulan sebelumnya", tren.Alasan);
    }

    [Fact]
    public async Task Dko_KppnMetroTw3_KartuCatatMenampilkanInisiatifDenganProgresDanTenggat_LolosLint()
    {
        var unit = Data.Value.CariUnit("KPPN-METRO")!;
        var agenda = new PenyusunAgenda(Penilai).Dko(Data.Value, unit, Tw3, Data.Value.InisiatifUnit(unit.Kode, Tw3.Tahun), [], HariIni);
        var kandidat = Data.Value.Bawahan(Hendarto).Select(p => (p, false)).Prepend((Data.Value.CariPegawai(Hendarto)!, true)).ToList();

        var kartu = CatatDialogCard.Render(new CatatDialogModel("DKO KPPN Metro", "dlg-demo", agenda, kandidat, unit.ZonaWaktu, HariIni, new TimeOnly(10, 10), [], new Dictionary<string, string>()))
            .ToJson();

        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        var teks = CardJson.AllText(kartu);
        Assert.Contains("Inisiatif strategis: Digitalisasi arsip dokumen SPM dan SP2D", teks, StringComparison.Ordinal);
        Assert.Contains("Sasaran strategis Akuntansi dan pelaporan yang berkualitas; progres 60,00%; tenggat 30 September 2026", teks, StringComparison.Ordinal);
        Assert.Contains("Sasaran strategis Pelaksanaan anggaran satker mitra yang berkualitas; progres 100,00%; tenggat 31 Agustus 2026; Dua belas sesi klinik selesai", teks, StringComparison.Ordinal);
    }

    private static string NkoDariRekap(int tw)
    {
        var baris = File.ReadAllLines(RepoPaths.ExpectedRekap($"TW{tw.ToString(CultureInfo.InvariantCulture)}"))
            .Select(l => l.Split(',')).Single(c => c[0] == "unit" && c[1] == "KPPN-METRO");
        return AngkaIndonesia.Format(decimal.Parse(baris[2], CultureInfo.InvariantCulture));
    }
}
