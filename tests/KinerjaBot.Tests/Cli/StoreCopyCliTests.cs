using System.Globalization;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using KinerjaBot.Hosting.Cli;
using KinerjaBot.Storage.Salin;
using KinerjaBot.Storage.Tables;
using KinerjaBot.Tests.Import;
using KinerjaBot.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Kinerja.Testing.Builders.SkpContoh;

namespace KinerjaBot.Tests.Cli;

/// <summary>
/// <c>store copy</c> moves an office's pilot from SQLite to Azure Tables (Azurite) and back without losing anything:
/// every port's data arrives unchanged, the counts per entity are printed and verified, and a second run copies nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoreCopyCliTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Pukul10 = new(2027, 1, 12, 3, 0, 0, TimeSpan.Zero);
    private readonly string _prefix = "C" + Guid.NewGuid().ToString("N")[..20];

    private async Task<(int Kode, string Stdout, string Stderr)> Jalankan(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var kode = await KinerjaCli.RunAsync([.. args, $"--Kinerja:Storage:TablesPrefix={_prefix}"], stdout, stderr);
        SqliteConnection.ClearAllPools();
        return (kode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The demo office with everything a pilot accumulates: workflow decisions, an adendum, a Plt., linked users, chats, cards.</summary>
    private static async Task IsiPilotAsync(TestStore s, DemoDataset d)
    {
        await s.Importer.ImporAsync(d.Folder, Ct);
        Assert.True((await KeputusanSkp.PutuskanAsync(s.Kontrak, KunciLestari, x => x.Setujui(Izin(x), Pada(2027, 1, 12), 1, Saluran.Teams), Ct)).Berhasil);
        var skp = (await s.Kontrak.MuatAsync(KunciLestari, Ct))!;
        skp.AjukanAdendum(Sebagai(Lestari), Pada(2027, 6, 2), [new PerubahanTarget("IKU-1", 3, new Target(80m, 95.5m))], "Realokasi anggaran", true, Saluran.Teams);
        Assert.True((await s.Kontrak.SimpanAsync(skp, Ct)).Tersimpan);
        await s.Kontrak.SimpanDelegasiAsync(PltBagus(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)), Ct);
        await s.Pengguna.SimpanAsync(new PenggunaTerkait("aad-bagus", "KPPN-METRO", Bagus, "bagus@kemenkeu.example", Pukul10), Ct);
        await s.Pengguna.SimpanAsync(new PenggunaTerkait("aad-lestari", "KPPN-METRO", Lestari, "lestari@kemenkeu.example", Pukul10.AddMinutes(5)), Ct);
        await s.Percakapan.SimpanReferensiAsync(new ReferensiPercakapan("aad-bagus", "https://smba.trafficmanager.net/apac/", "a:bagus", "tenant", "29:bagus",
            "28:bot", "msteams", Pukul10), Ct);
        await s.Percakapan.SimpanLokalAsync("aad-bagus", new LokalPengguna("id-ID", "Asia/Jakarta", Pukul10), Ct);
        await s.Percakapan.TandaiTidakTerjangkauAsync("aad-fajar", new TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "BotDisabledByUser", Pukul10), Ct);
        await s.KartuSkp.IngatAsync(new KartuSkp(KunciLestari, "aad-bagus", "29:bagus", "https://smba.trafficmanager.net/apac/", "a:bagus", "1:kartu", Pukul10), Ct);
        await s.KartuSkp.IngatAsync(new KartuSkp(KunciLestari, "aad-lestari", null, "https://smba.trafficmanager.net/apac/", "a:lestari", "1:milik", Pukul10), Ct);

        // A DKI with minutes and two follow-ups, one of them already done, and a postponement of the next one.
        var bagus = new Pelaku(Bagus, "Bagus Prasetyo Nugroho");
        var lestari = new Pelaku(Lestari, "Lestari Handayani");
        var seri = SeriDialog.Dki(Bagus, Lestari);
        var agenda = new AgendaDialog(seri, new Periode(2026, 4),
        [
            new ItemAgenda(JenisItemAgenda.IkuMerah, "IKU 2b.004 Persentase penyelesaian SP2D", "Capaian 72,50 merah (di bawah 80,00)", "s.d. TW IV 2026")
            {
                KodeIku = "2b.004", Target = 100m, Realisasi = 72.5m, Selisih = -27.5m, IndeksCapaian = 72.5m, Satuan = "%",
            },
            new ItemAgenda(JenisItemAgenda.Skp, "SKP 2027: Disetujui", "SKP sudah disetujui: sepakati rencana aksi"),
        ]);
        var dicatat = DialogKinerja.Catat(new CatatanDialog(DialogId, "KPPN-METRO", agenda, bagus, [bagus, lestari], new DateOnly(2027, 1, 11), new TimeOnly(9, 30),
            Pukul10.AddDays(-1), "Asia/Jakarta", ["Percepat verifikasi SPM", "Rencana aksi disepakati"], null,
            [new MasukanTindakLanjut("Susun SOP antrean SPM", Lestari.Value, "26/02/2027"), new MasukanTindakLanjut("Latih petugas front office", Bagus.Value, "31/03/2027")],
            new DateOnly(2027, 1, 12), Pukul10), KebijakanDialog.Bawaan());
        Assert.True(dicatat.Berhasil, string.Join("; ", dicatat.Kesalahan));
        Assert.True((await s.Dialog.SimpanAsync(dicatat.Dialog!, Ct)).Tersimpan);
        await TutupTindakLanjutAsync(s, "Susun SOP antrean SPM", lestari);
        await s.Dialog.SimpanRencanaAsync(new RencanaDialog("KPPN-METRO", seri, new DateOnly(2027, 2, 15), bagus, Pukul10), Ct);

        // The delivery ledger: one reminder sent (where its card is), one refused by Teams, one still planned and snoozed once.
        var kirim = Pukul10.AddDays(-2);
        foreach (var c in (CatatanPengiriman[])
        [
            CatatanPengiriman.Baru(new RencanaKirim(new KunciPengiriman(JenisPengiriman.PengingatSkp, "2027-H7", "KPPN-METRO", Lestari), kirim), kirim) with
            {
                Status = StatusPengiriman.Terkirim, ServiceUrl = "https://smba.trafficmanager.net/apac/", ConversationId = "a:lestari", ActivityId = "1:pengingat",
                DiperbaruiPada = kirim.AddMinutes(1),
            },
            CatatanPengiriman.Baru(new RencanaKirim(new KunciPengiriman(JenisPengiriman.PengingatSkp, "2027-H7", "KPPN-METRO", Fajar), kirim), kirim) with
            {
                Status = StatusPengiriman.TidakTerjangkau, Alasan = AlasanTidakTerjangkau.DiblokirPengguna, Keterangan = "BotDisabledByUser", Percobaan = 1,
                DiperbaruiPada = kirim.AddMinutes(2),
            },
            CatatanPengiriman.Baru(new RencanaKirim(new KunciPengiriman(JenisPengiriman.PersetujuanSkp, "2027-01-14", "KPPN-METRO", Bagus), kirim.AddDays(3)), kirim) with
            {
                Ditunda = 1,
            },
        ])
        {
            Assert.True(await s.BukuPengiriman.TambahAsync(c, Ct));
        }
    }

    private const string DialogId = "dlg-pilot-1";

    private static async Task TutupTindakLanjutAsync(TestStore s, string uraian, Pelaku oleh)
    {
        var tl = (await s.Dialog.DaftarTindakLanjutAsync("KPPN-METRO", hanyaTerbuka: true, Ct)).Single(t => t.Uraian == uraian);
        var hasil = tl.Selesaikan(oleh, "Selesai, SOP terbit", Pukul10.AddDays(3), tl.Versi);
        Assert.True(hasil.Berhasil, hasil.Pesan);
        Assert.True((await s.Dialog.SimpanTindakLanjutAsync(tl, Ct)).Tersimpan);
    }

    /// <summary>Everything the ports can tell about the pilot, as text (the copiers' own fingerprints are not used: this is an independent reading).</summary>
    private static async Task<string> IsiAsync(TestStore s)
    {
        var data = (await s.Kantor.MuatAsync("KPPN-METRO", Ct))!;
        var teks = new System.Text.StringBuilder(DataKantorDump.Teks(data));
        foreach (var k in data.Kontrak.OrderBy(k => k.Tahun).ThenBy(k => k.Pemilik.Value, StringComparer.Ordinal))
        {
            var kunci = new KunciSkp("KPPN-METRO", k.Tahun, k.Pemilik);
            var alur = (await s.Kontrak.MuatAsync(kunci, Ct))!;
            teks.AppendLine(CultureInfo.InvariantCulture, $"alur {kunci} {alur.Status} r{alur.Revisi}");
            foreach (var v in alur.Versi)
            {
                teks.AppendLine(CultureInfo.InvariantCulture, $"  versi {v} disetujui {v.DisetujuiPadaUtc:O} {string.Join(";", v.Perubahan)}");
            }

            alur.JejakAudit.ToList().ForEach(a => teks.AppendLine(CultureInfo.InvariantCulture, $"  audit {a} pada {a.PadaUtc:O}"));
            (await s.KartuSkp.DaftarAsync(kunci, Ct)).ToList().ForEach(c => teks.AppendLine(CultureInfo.InvariantCulture, $"  kartu {c} {c.DiingatPada:O}"));
        }

        (await s.Kontrak.DaftarDelegasiAsync("KPPN-METRO", Ct)).ToList().ForEach(x => teks.AppendLine(CultureInfo.InvariantCulture, $"delegasi {x}"));
        foreach (var aad in (string[])["aad-bagus", "aad-lestari", "aad-fajar"])
        {
            var p = await s.Pengguna.CariAsync(aad, Ct);
            teks.AppendLine(CultureInfo.InvariantCulture, $"pengguna {p} {p?.DikaitkanPada:O}");
            var c = await s.Percakapan.CariAsync(aad, Ct);
            teks.AppendLine(CultureInfo.InvariantCulture, $"percakapan {c?.Referensi} {c?.Referensi?.DiperbaruiPada:O} {c?.Lokal} {c?.TidakTerjangkau} {c?.TidakTerjangkau?.Pada:O}");
        }

        foreach (var dlg in await s.Dialog.DaftarAsync("KPPN-METRO", DateOnly.MinValue, Ct))
        {
            teks.AppendLine(CultureInfo.InvariantCulture, $"dialog {dlg.Id} {dlg.Seri.Kunci} {dlg.Periode} {dlg.Pada} {dlg.JamLokal} {dlg.DicatatOleh} {dlg.DicatatPadaUtc:O} [{string.Join(", ", dlg.Peserta)}]");
            dlg.Agenda.ToList().ForEach(b => teks.AppendLine(CultureInfo.InvariantCulture, $"  butir {b}"));
            dlg.TindakLanjut.ToList().ForEach(t => teks.AppendLine(CultureInfo.InvariantCulture, $"  tindak lanjut {t.Id} {t.Uraian} {t.Pic} {t.Tenggat} {t.Status} {t.Catatan} {t.DitutupOleh} {t.DitutupPadaUtc:O}"));
        }

        (await s.Dialog.DaftarRencanaAsync("KPPN-METRO", Ct)).ToList().ForEach(r => teks.AppendLine(CultureInfo.InvariantCulture, $"penundaan {r.Seri.Kunci} {r.Tanggal} {r.Oleh} {r.PadaUtc:O}"));
        foreach (var r in await s.BukuPengiriman.RingkasAsync("KPPN-METRO", Ct))
        {
            foreach (var c in (await s.BukuPengiriman.DaftarAsync("KPPN-METRO", r.Jenis, r.Kurun, null, null, 100, Ct)).Catatan)
            {
                teks.AppendLine(CultureInfo.InvariantCulture,
                    $"pengiriman {c.Kunci} {c.Status} {c.KirimSetelah:O} p{c.Percobaan} t{c.Ditunda} {c.MulaiKirimPada:O} {c.Pekerja} {c.Alasan} {c.Keterangan} {c.MungkinTerkirim} {c.ServiceUrl} {c.ConversationId} {c.ActivityId} {c.DibuatPada:O} {c.DiperbaruiPada:O}");
            }
        }

        teks.AppendLine(CultureInfo.InvariantCulture, $"revisi target 2027: {string.Join(",", (await s.Kontrak.DaftarDenganPerubahanTargetAsync("KPPN-METRO", 2027, Ct)).Select(a => a.Kunci.Pemilik))}");
        return teks.ToString();
    }

    private static string Baris(string stdout, string entitas) =>
        stdout.Split('\n').Single(l => l.TrimStart().StartsWith(entitas + " ", StringComparison.Ordinal)).Trim();

    [Fact]
    public async Task SalinSqliteKeTablesLaluKembali_SemuaSama_JumlahTercetak_UlangTidakMenyalinApaPun()
    {
        using var d = new DemoDataset();
        string asli;
        using (var pilot = new TestStore(d.DbPath))
        {
            await IsiPilotAsync(pilot, d);
            asli = await IsiAsync(pilot);
        }

        var tables = "tables:" + azurite.ConnectionString;
        var pertama = await Jalankan("store", "copy", "--from", "sqlite:" + d.DbPath, "--to", tables);

        Assert.True(pertama.Kode == 0, pertama.Stderr + pertama.Stdout);
        Assert.Contains("Terverifikasi: setiap entitas sumber ada di tujuan dengan isi yang sama.", pertama.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(azurite.ConnectionString.Split("AccountKey=")[1].Split(';')[0], pertama.Stdout, StringComparison.Ordinal);
        Assert.Equal("pegawai            sumber      25  disalin      25  tujuan      25  cocok      25  OK", Baris(pertama.Stdout, "pegawai"));
        Assert.Equal("iku                sumber      93  disalin      93  tujuan      93  cocok      93  OK", Baris(pertama.Stdout, "iku"));
        Assert.Equal("inisiatif          sumber       3  disalin       3  tujuan       3  cocok       3  OK", Baris(pertama.Stdout, "inisiatif"));
        Assert.Equal("alur skp           sumber      33  disalin      33  tujuan      33  cocok      33  OK", Baris(pertama.Stdout, "alur skp"));
        Assert.Equal("jejak audit        sumber      35  disalin      35  tujuan      35  cocok      35  OK", Baris(pertama.Stdout, "jejak audit"));
        Assert.Equal("delegasi           sumber       1  disalin       1  tujuan       1  cocok       1  OK", Baris(pertama.Stdout, "delegasi"));
        Assert.Equal("pengguna terkait   sumber       2  disalin       2  tujuan       2  cocok       2  OK", Baris(pertama.Stdout, "pengguna terkait"));
        Assert.Equal("percakapan         sumber       2  disalin       2  tujuan       2  cocok       2  OK", Baris(pertama.Stdout, "percakapan"));
        Assert.Equal("kartu skp          sumber       2  disalin       2  tujuan       2  cocok       2  OK", Baris(pertama.Stdout, "kartu skp"));
        Assert.Equal("dialog             sumber       1  disalin       1  tujuan       1  cocok       1  OK", Baris(pertama.Stdout, "dialog"));
        Assert.Equal("tindak lanjut      sumber       2  disalin       2  tujuan       2  cocok       2  OK", Baris(pertama.Stdout, "tindak lanjut"));
        Assert.Equal("penundaan dialog   sumber       1  disalin       1  tujuan       1  cocok       1  OK", Baris(pertama.Stdout, "penundaan dialog"));
        Assert.Equal("pengiriman         sumber       3  disalin       3  tujuan       3  cocok       3  OK", Baris(pertama.Stdout, "pengiriman"));
        using (var diTables = new TestStore(d.DbPath, null, azurite.Konfigurasi(_prefix)))
        {
            Assert.IsType<TableKontrakStore>(diTables.Kontrak);
            Assert.Equal(asli, await IsiAsync(diTables));
        }

        var kedua = await Jalankan("store", "copy", "--from", "sqlite:" + d.DbPath, "--to", tables);

        Assert.True(kedua.Kode == 0, kedua.Stderr + kedua.Stdout);
        Assert.All(kedua.Stdout.Split('\n').Where(l => l.Contains("disalin", StringComparison.Ordinal)),
            l => Assert.Contains("disalin       0", l, StringComparison.Ordinal));
        Assert.Equal("jejak audit        sumber      35  disalin       0  tujuan      35  cocok      35  OK", Baris(kedua.Stdout, "jejak audit"));

        // The pilot goes on after the first copy: the second follow-up is closed in SQLite; the next copy closes it in
        // Tables through the store's versioned save (the dialog itself is already there).
        using (var pilot = new TestStore(d.DbPath))
        {
            await TutupTindakLanjutAsync(pilot, "Latih petugas front office", new Pelaku(Bagus, "Bagus Prasetyo Nugroho"));
            asli = await IsiAsync(pilot);
        }

        var ketiga = await Jalankan("store", "copy", "--from", "sqlite:" + d.DbPath, "--to", tables);

        Assert.True(ketiga.Kode == 0, ketiga.Stderr + ketiga.Stdout);
        Assert.Equal("dialog             sumber       1  disalin       1  tujuan       1  cocok       1  OK", Baris(ketiga.Stdout, "dialog"));
        using (var diTables = new TestStore(d.DbPath, null, azurite.Konfigurasi(_prefix)))
        {
            Assert.Equal(asli, await IsiAsync(diTables));
            Assert.Empty(await diTables.Dialog.DaftarTindakLanjutAsync("KPPN-METRO", hanyaTerbuka: true, Ct));
        }

        var kembali = Path.Combine(d.Root, "kembali.db");
        var balik = await Jalankan("store", "copy", "--from", tables, "--to", "sqlite:" + kembali);

        Assert.True(balik.Kode == 0, balik.Stderr + balik.Stdout);
        using (var diSqlite = new TestStore(kembali))
        {
            Assert.Equal(asli, await IsiAsync(diSqlite));
        }
    }

    [Fact]
    public async Task TujuanBerbedaSetelahSalin_TidakTerverifikasi_Exit1()
    {
        using var d = new DemoDataset();
        using (var pilot = new TestStore(d.DbPath))
        {
            await IsiPilotAsync(pilot, d);
        }

        // A copier whose target silently drops what it is given: the verification must catch it.
        var penyalin = new PenyalinDelegasiYangHilang();
        using var dari = new TestStore(d.DbPath);
        using var ke = new TestStore(Path.Combine(d.Root, "kosong.db"));

        var laporan = await penyalin.SalinAsync(dari.Layanan, ke.Layanan, Ct);

        Assert.False(laporan.Terverifikasi);
        Assert.Equal(new JumlahSalin("delegasi", 1, 1, 0, 0), Assert.Single(laporan.Jumlah));
        Assert.Equal(["KPPN-METRO|plt-1"], laporan.Berbeda);
    }

    [Theory]
    [InlineData("--from", "mongo:x", "--from 'mongo:x' harus sqlite:<berkas> atau tables:<koneksi>")]
    [InlineData("--from", "sqlite:", "--from sqlite: perlu path berkas, mis. sqlite:data/kinerja.db")]
    [InlineData("--from", "tables:", "--from tables: perlu connection string atau endpoint, mis. tables:UseDevelopmentStorage=true")]
    public async Task SpekStoreSalah_Exit2DenganPesan(string opsi, string nilai, string pesan)
    {
        var hasil = await Jalankan("store", "copy", opsi, nilai, "--to", "sqlite:/tmp/tidak-dipakai.db");

        Assert.Equal(2, hasil.Kode);
        Assert.Contains(pesan, hasil.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SumberSqliteTidakAda_Exit1_TidakMembuatBerkas()
    {
        var path = Path.Combine(Path.GetTempPath(), "kinerja-tidak-ada-" + Guid.NewGuid().ToString("N") + ".db");

        var hasil = await Jalankan("store", "copy", "--from", "sqlite:" + path, "--to", "tables:" + azurite.ConnectionString);

        Assert.Equal(1, hasil.Kode);
        Assert.Contains("Berkas SQLite sumber tidak ada", hasil.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private sealed class PenyalinDelegasiYangHilang : PenyalinStore<Delegasi>
    {
        public override string Port => "delegasi";

        public override int Urutan => 0;

        protected override IAsyncEnumerable<Delegasi> BacaAsync(IServiceProvider store, CancellationToken cancellationToken) =>
            ((ISalinanKontrak)store.GetRequiredService<IKontrakStore>()).SemuaDelegasiAsync(cancellationToken);

        protected override Task TulisAsync(IServiceProvider store, Delegasi item, CancellationToken cancellationToken) => Task.CompletedTask;

        protected override string Kunci(Delegasi item) => $"{item.KodeKantor}|{item.Id}";

        protected override string Sidik(Delegasi item) => item.ToString();

        protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(Delegasi item) => [("delegasi", 1)];
    }
}
