using DocumentFormat.OpenXml.Packaging;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using KinerjaBot.Hosting.Cli;
using KinerjaBot.Tests.Import;
using KinerjaBot.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Tests.Cli;

/// <summary>Coordinators read the dialog compliance of an office and export a dialog's minutes from the command line.</summary>
public sealed class DialogCliTests
{
    private static readonly Pelaku Bagus = new(Nip.Parse("198211052003121004"), "Bagus Prasetyo Nugroho");
    private static readonly Pelaku Lestari = new(Nip.Parse("199312012015032004"), "Lestari Handayani");

    private static async Task<(int Kode, string Stdout, string Stderr)> Jalankan(string db, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var kode = await KinerjaCli.RunAsync([.. args, $"--Kinerja:Storage:SqlitePath={db}"], stdout, stderr);
        SqliteConnection.ClearAllPools();
        return (kode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A DKI of Bagus with Lestari on 27 November 2026 with one follow-up due 30 November 2026.</summary>
    private static async Task SimpanDkiAsync(string db)
    {
        using var store = new TestStore(db);
        var agenda = new AgendaDialog(SeriDialog.Dki(Bagus.Nip, Lestari.Nip), new Periode(2026, 3), [new ItemAgenda(JenisItemAgenda.Skp, "SKP 2027: Diajukan", "SKP menunggu persetujuan")]);
        var hasil = DialogKinerja.Catat(new CatatanDialog("dlg-cli", "KPPN-METRO", agenda, Bagus, [Bagus, Lestari], new DateOnly(2026, 11, 27), new TimeOnly(9, 0),
            new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), "Asia/Jakarta", ["Diajukan ulang minggu ini"], null,
            [new MasukanTindakLanjut("Ajukan ulang SKP 2027", Lestari.Nip.Value, "30/11/2026")], new DateOnly(2026, 11, 28),
            new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)), KebijakanDialog.Bawaan());
        Assert.True((await store.Dialog.SimpanAsync(hasil.Dialog!, CancellationToken.None)).Tersimpan);
    }

    [Fact]
    public async Task Kepatuhan_PerUnitDanPimpinan_TindakLanjutTerlambatDihitung()
    {
        using var d = new DemoDataset();
        Assert.Equal(0, (await Jalankan(d.DbPath, "import", d.Folder)).Kode);
        await SimpanDkiAsync(d.DbPath);

        var hasil = await Jalankan(d.DbPath, "dialog", "kepatuhan", "--kantor", "KPPN-METRO", "--tanggal", "2026-12-01");

        Assert.Equal(0, hasil.Kode);
        var baris = hasil.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("Kepatuhan dialog kinerja KPPN Metro per 1 Desember 2026 (DKI paling sedikit sekali dalam 3 bulan)", baris);
        Assert.Contains(baris, l => l.StartsWith("pimpinan,198211052003121004,Bagus Prasetyo Nugroho,7,6,1,", StringComparison.Ordinal) && !l.Contains("Lestari", StringComparison.Ordinal));
        Assert.Contains(baris, l => l.StartsWith("unit,KPPN-METRO-PDMS,Seksi Pencairan Dana dan Manajemen Satker,7,6,1,", StringComparison.Ordinal));
        Assert.Contains(baris, l => l.StartsWith("pimpinan,197603141998031002,Hendarto Wibisono,4,4,0,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notula_DitulisSebagaiDocx_YangTerbuka()
    {
        using var d = new DemoDataset();
        Assert.Equal(0, (await Jalankan(d.DbPath, "import", d.Folder)).Kode);
        await SimpanDkiAsync(d.DbPath);
        var keluar = Path.Combine(d.Root, "notula.docx");

        var hasil = await Jalankan(d.DbPath, "dialog", "notula", "--kantor", "KPPN-METRO", "--id", "dlg-cli", "--out", keluar);

        Assert.True(hasil.Kode == 0, hasil.Stderr);
        using var doc = WordprocessingDocument.Open(keluar, false);
        Dialog.DialogHostTests.AssertDocxSah(doc);
        var teks = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("DKI Bagus Prasetyo Nugroho dengan Lestari Handayani", teks, StringComparison.Ordinal);
        Assert.Contains("27 November 2026 pukul 09.00 WIB", teks, StringComparison.Ordinal);
        Assert.Contains("Notula: Diajukan ulang minggu ini", teks, StringComparison.Ordinal);
        Assert.Contains("Ajukan ulang SKP 2027", teks, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "dialog" }, "dialog perlu kepatuhan atau notula")]
    [InlineData(new[] { "dialog", "kepatuhan" }, "dialog kepatuhan perlu --kantor")]
    [InlineData(new[] { "dialog", "kepatuhan", "--kantor", "X", "--tanggal", "1/12/2026" }, "--tanggal '1/12/2026' harus berbentuk 2026-11-28")]
    [InlineData(new[] { "dialog", "notula", "--kantor", "X", "--id", "dlg-1" }, "dialog notula perlu --kantor, --id dan --out")]
    [InlineData(new[] { "dialog", "hapus" }, "dialog tidak mengenal 'hapus' (kepatuhan, notula)")]
    public async Task ArgumenSalah_Exit2(string[] args, string pesan)
    {
        var hasil = await Jalankan(Path.Combine(Path.GetTempPath(), "tidak-dipakai-" + Guid.NewGuid().ToString("N") + ".db"), args);

        Assert.Equal(2, hasil.Kode);
        Assert.Contains(pesan, hasil.Stderr, StringComparison.Ordinal);
    }
}
