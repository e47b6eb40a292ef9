using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Testing.Builders;

namespace Kinerja.Domain.Tests.Dialog;

/// <summary>The rules of domain.md §8 for dialogs: agenda order and reasons, recording, follow-ups, schedule, compliance, policy.</summary>
public sealed class DialogTests
{
    private static readonly Nip Kepala = NipContoh.KepalaKppn;
    private static readonly Nip Kasi = NipContoh.KasiPdms;
    private static readonly Nip Anak = NipContoh.Ke(11);
    private static readonly Nip Anak2 = NipContoh.Ke(12);
    private static readonly DateOnly HariIni = new(2026, 11, 28);
    private static readonly DateTimeOffset Sekarang = new(2026, 11, 28, 3, 10, 0, TimeSpan.Zero);
    private static readonly KebijakanDialog Kebijakan = KebijakanDialog.Bawaan();
    private static readonly Penilai Penilai = KebijakanBuilder.Kmk467().BuildPenilai();

    private static DataKantor Kantor() => new DataKantorBuilder()
        .Unit("K", LevelUnit.Three)
        .Unit("S", LevelUnit.Four, "K")
        .Kepala("K", Kepala)
        .Kepala("S", Kasi, Kepala)
        .Pelaksana("S", Anak, Kasi)
        .Pelaksana("S", Anak2, Kasi)
        .Kontrak(Anak,
            IkuBuilder.DenganCapaian(90).Kode("KUNING").DenganBobot(25),
            IkuBuilder.DenganCapaian(110).Kode("HIJAU").DenganBobot(25),
            IkuBuilder.DenganCapaian(70).Kode("MERAH").DenganBobot(25),
            IkuBuilder.Maximize().Kode("KOSONG").DenganBobot(25).DenganTarget(1, 10))
        .Kontrak(Kepala, IkuBuilder.DenganCapaian(95).Kode("K1").Di(Perspektif.Stakeholder, "SS A"), IkuBuilder.DenganCapaian(120).Kode("K2").Di(Perspektif.Pelanggan, "SS B"))
        .Build();

    private static TindakLanjut Tl(string id, Nip pemimpin, Nip pic, DateOnly tenggat, Nip? bawahan = null) =>
        new(id, "K", "dlg-lama", SeriDialog.Dki(pemimpin, bawahan ?? pic), "Tindak " + id, new Pelaku(pic, "PIC " + id), tenggat, new DateOnly(2026, 10, 1));

    [Fact]
    public void Dki_AgendaUrut_MerahLaluKuning_RealisasiKosong_Skp_TindakLanjutTerlambatLaluTerbuka_HijauTidakMasuk()
    {
        var data = Kantor();
        var skp = new KeadaanSkp(2027, StatusSkp.Diajukan, TenggatSkp.Untuk(2027));
        var tl = new[]
        {
            Tl("b", Kasi, Anak, new DateOnly(2026, 12, 10)),
            Tl("a", Kasi, Anak, new DateOnly(2026, 11, 20)),
            Tl("lain-seri", Kasi, Anak2, new DateOnly(2026, 11, 1)),
        };

        var agenda = new PenyusunAgenda(Penilai).Dki(data, data.CariPegawai(Kasi)!, data.CariPegawai(Anak)!, new Periode(2026, 1), [skp], tl, HariIni);

        Assert.Equal(
            [JenisItemAgenda.IkuMerah, JenisItemAgenda.IkuKuning, JenisItemAgenda.RealisasiBelumAda, JenisItemAgenda.Skp, JenisItemAgenda.TindakLanjutTerlambat, JenisItemAgenda.TindakLanjutTerbuka],
            agenda.Item.Select(i => i.Jenis));
        Assert.Equal(["MERAH", "KUNING", "KOSONG"], agenda.Item.Take(3).Select(i => i.KodeIku));
        var merah = agenda.Item[0];
        Assert.Equal((100m, 70m, -30m, 70m), (merah.Target, merah.Realisasi, merah.Selisih, merah.IndeksCapaian));
        Assert.Equal("Capaian 70,00 merah (di bawah 80,00)", merah.Alasan);
        Assert.Equal("Realisasi TW I belum diisi: nilai masih sementara", agenda.Item[2].Alasan);
        Assert.Equal("SKP 2027: Diajukan", agenda.Item[3].Judul);
        Assert.Equal("Tenggat 31 Januari 2027 (64 hari lagi)", agenda.Item[3].Rincian);
        Assert.Equal(("a", "Terlambat 8 hari (tenggat 20 November 2026)"), (agenda.Item[4].IdTindakLanjut, agenda.Item[4].Alasan));
        Assert.Equal("b", agenda.Item[5].IdTindakLanjut);
        Assert.Equal(SeriDialog.Dki(Kasi, Anak), agenda.Seri);
    }

    [Fact]
    public void Dki_BukanBawahanLangsung_Ditolak()
    {
        var data = Kantor();
        Assert.Throws<DomainException>(() => new PenyusunAgenda(Penilai).Dki(data, data.CariPegawai(Kepala)!, data.CariPegawai(Anak)!, new Periode(2026, 1), [], [], HariIni));
    }

    [Fact]
    public void Dko_SasaranStrategisDiBawahTarget_InisiatifTerlambatDulu_TrenNkoTerakhir()
    {
        var data = Kantor();
        var inisiatif = new[]
        {
            new InisiatifStrategis("Digitalisasi arsip", "SS B", 100, new DateOnly(2026, 9, 30)),
            new InisiatifStrategis("Klinik satker", "SS A", 40, new DateOnly(2026, 10, 31)),
        };

        var agenda = new PenyusunAgenda(Penilai).Dko(data, data.CariUnit("K")!, new Periode(2026, 1), inisiatif, [], HariIni);

        Assert.Equal([JenisItemAgenda.IkuKuning, JenisItemAgenda.SasaranStrategis, JenisItemAgenda.InisiatifStrategis, JenisItemAgenda.InisiatifStrategis, JenisItemAgenda.TrenNko],
            agenda.Item.Select(i => i.Jenis));
        Assert.Equal("Sasaran strategis: SS A", agenda.Item[1].Judul);
        Assert.Equal("Inisiatif strategis melewati tenggat dan belum selesai", agenda.Item[2].Alasan);
        Assert.Equal("Kemajuan inisiatif strategis dipantau pada setiap DKO", agenda.Item[3].Alasan);
        Assert.StartsWith("TW I 2026: ", agenda.Item[4].Rincian, StringComparison.Ordinal);
        Assert.Equal(SeriDialog.Dko(Kepala, "K"), agenda.Seri);
    }

    private static CatatanDialog Catatan(AgendaDialog agenda, IReadOnlyList<string?> notula, params MasukanTindakLanjut[] tl) => new(
        "dlg-baru", "K", agenda, new Pelaku(Kasi, "Kasi"), [new Pelaku(Kasi, "Kasi"), new Pelaku(Anak, "Anak")], new DateOnly(2026, 11, 27), new TimeOnly(9, 30),
        new DateTimeOffset(2026, 11, 27, 2, 30, 0, TimeSpan.Zero), "Asia/Jakarta", notula, null, tl, HariIni, Sekarang);

    private static AgendaDialog AgendaDua() => new(SeriDialog.Dki(Kasi, Anak), new Periode(2026, 3),
        [new ItemAgenda(JenisItemAgenda.IkuMerah, "IKU X", "merah"), new ItemAgenda(JenisItemAgenda.Skp, "SKP 2027", "diajukan")]);

    [Fact]
    public void Catat_Sah_MembangunDialog_DenganPeserta_PemimpinPertama_DanTindakLanjutTerbuka()
    {
        var hasil = DialogKinerja.Catat(Catatan(AgendaDua(), ["Dibahas", "Sepakat"], new MasukanTindakLanjut("Perbaiki SOP", Anak.Value, "31/12/2026"),
            new MasukanTindakLanjut("", " ", "")), Kebijakan);

        Assert.True(hasil.Berhasil, string.Join("; ", hasil.Kesalahan));
        var d = hasil.Dialog!;
        Assert.Equal([Kasi, Anak], d.Peserta.Select(p => p.Nip));
        Assert.Equal(new DateOnly(2026, 11, 27), d.Pada.TanggalLokal);
        var tl = Assert.Single(d.TindakLanjut);
        Assert.Equal(("dlg-baru-1", Anak, new DateOnly(2026, 12, 31), StatusTindakLanjut.Terbuka, SeriDialog.Dki(Kasi, Anak)), (tl.Id, tl.Pic.Nip, tl.Tenggat, tl.Status, tl.Seri));
    }

    [Fact]
    public void Catat_MasukanBuruk_SemuaKesalahanDisebut_TidakAdaDialog()
    {
        var hasil = DialogKinerja.Catat(Catatan(AgendaDua(), ["Dibahas", "  "],
            new MasukanTindakLanjut("Perbaiki SOP", Anak.Value, "27/11/2026"),
            new MasukanTindakLanjut("Rapikan arsip", Anak2.Value, "31/12/2026"),
            new MasukanTindakLanjut("Tanpa tenggat", Kasi.Value, "31-13-2026")), Kebijakan);

        Assert.False(hasil.Berhasil);
        Assert.Null(hasil.Dialog);
        Assert.Equal(
        [
            "Notula butir 2 (SKP 2027) masih kosong.",
            "Tindak lanjut 1: tenggat 27 November 2026 sudah lewat. Pilih tanggal mulai hari ini (28 November 2026).",
            "Tindak lanjut 2: PIC harus salah satu peserta dialog.",
            "Tindak lanjut 3: tenggat '31-13-2026' tidak dikenali. Tulis seperti 31/12/2026 atau pilih dari kalender.",
        ], hasil.Kesalahan);
    }

    [Fact]
    public void Catat_OlehBukanPemimpin_AtauDialogBelumTerjadi_Ditolak()
    {
        var bukan = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"]) with { Pencatat = new Pelaku(Anak, "Anak") }, Kebijakan);
        var masaDepan = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"]) with { Tanggal = new DateOnly(2026, 11, 29), PadaUtc = Sekarang.AddDays(1) }, Kebijakan);

        Assert.Equal(["Hanya pemimpin dialog yang dapat mencatat hasil dialog ini."], bukan.Kesalahan);
        Assert.Contains("belum terjadi", Assert.Single(masaDepan.Kesalahan), StringComparison.Ordinal);
    }

    [Fact]
    public void TindakLanjut_HanyaPicAtauPemimpinMenyelesaikan_CatatanWajib_VersiUsangDitolak_HanyaSekali()
    {
        var tl = Tl("x", Kasi, Anak, new DateOnly(2026, 12, 31));

        Assert.Equal(JenisHasilTindakLanjut.Ditolak, tl.Selesaikan(new Pelaku(Anak2, "Lain"), "beres", Sekarang, 1).Jenis);
        Assert.Equal(JenisHasilTindakLanjut.Ditolak, tl.Selesaikan(new Pelaku(Anak, "Anak"), "  ", Sekarang, 1).Jenis);
        Assert.Equal(JenisHasilTindakLanjut.SudahBerubah, tl.Selesaikan(new Pelaku(Anak, "Anak"), "beres", Sekarang, 2).Jenis);
        Assert.Equal(JenisHasilTindakLanjut.Ditolak, tl.Batalkan(new Pelaku(Anak, "Anak"), "tidak perlu", Sekarang, 1).Jenis);
        Assert.True(tl.Selesaikan(new Pelaku(Anak, "Anak"), "SOP terbit", Sekarang, 1).Berhasil);
        var lagi = tl.Selesaikan(new Pelaku(Kasi, "Kasi"), "sudah", Sekarang, 1);

        Assert.Equal((StatusTindakLanjut.Selesai, "SOP terbit"), (tl.Status, tl.Catatan));
        Assert.Equal(JenisHasilTindakLanjut.SudahBerubah, lagi.Jenis);
        Assert.Equal("Tindak lanjut ini sudah ditandai selesai oleh Anak: SOP terbit", lagi.Pesan);
    }

    [Fact]
    public void TindakLanjutSelesai_TidakTerbawaKeAgendaBerikutnya_YangTerbukaTerbawa()
    {
        var data = Kantor();
        var selesai = Tl("selesai", Kasi, Anak, new DateOnly(2026, 12, 1));
        selesai.Selesaikan(new Pelaku(Anak, "Anak"), "beres", Sekarang, 1);
        var terbuka = Tl("terbuka", Kasi, Anak, new DateOnly(2026, 12, 1));

        var agenda = new PenyusunAgenda(Penilai).Dki(data, data.CariPegawai(Kasi)!, data.CariPegawai(Anak)!, new Periode(2026, 1), [], [selesai, terbuka], HariIni);

        Assert.Equal(["terbuka"], agenda.Item.Where(i => i.IdTindakLanjut is not null).Select(i => i.IdTindakLanjut));
    }

    private static DialogKinerja Diadakan(SeriDialog seri, DateOnly tanggal, Periode? periode = null)
    {
        var agenda = new AgendaDialog(seri, periode ?? new Periode(2026, 1), [new ItemAgenda(JenisItemAgenda.Skp, "SKP", "x")]);
        var peserta = new List<Pelaku> { new(seri.Pemimpin, "P") };
        if (seri.Bawahan is { } b)
        {
            peserta.Add(new Pelaku(b, "B"));
        }
        else
        {
            peserta.Add(new Pelaku(Kasi, "Kasi"));
        }

        var pada = new DateTimeOffset(tanggal.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        var hasil = DialogKinerja.Catat(new CatatanDialog("d-" + seri.Kunci + tanggal.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "K", agenda,
            new Pelaku(seri.Pemimpin, "P"), peserta, tanggal, new TimeOnly(9, 0), pada, "Asia/Jakarta", ["ok"], null, [], tanggal, pada.AddHours(1)), Kebijakan);
        return hasil.Dialog ?? throw new InvalidOperationException(string.Join("; ", hasil.Kesalahan));
    }

    [Fact]
    public void Kepatuhan_BawahanTanpaDkiTigaBulanTerakhir_DanTindakLanjutTerlambat_PerPemimpinDanUnit()
    {
        var data = Kantor();
        var dialog = new[]
        {
            Diadakan(SeriDialog.Dki(Kasi, Anak), new DateOnly(2026, 10, 15)),
            Diadakan(SeriDialog.Dki(Kasi, Anak2), new DateOnly(2026, 8, 28)), // exactly 3 months ago: outside the window
        };
        var tl = new[] { Tl("lewat", Kasi, Anak, new DateOnly(2026, 11, 27)), Tl("belum", Kasi, Anak, new DateOnly(2026, 11, 28)) };

        var perPemimpin = KepatuhanDialog.PerPemimpin(data, dialog, tl, HariIni, Kebijakan);
        var perUnit = KepatuhanDialog.PerUnit(data, perPemimpin);

        var kasi = perPemimpin.Single(k => k.Pemimpin.Nip == Kasi);
        Assert.Equal(2, kasi.JumlahBawahan);
        Assert.Equal([Anak2], kasi.TanpaDki.Select(p => p.Nip));
        Assert.Equal(["lewat"], kasi.TindakLanjutTerlambat.Select(t => t.Id));
        var kepala = perPemimpin.Single(k => k.Pemimpin.Nip == Kepala);
        Assert.Equal([Kasi], kepala.TanpaDki.Select(p => p.Nip));
        Assert.Equal(["K", "S"], perUnit.Select(u => u.Unit.Kode));
        Assert.Equal([Anak2], perUnit.Single(u => u.Unit.Kode == "S").TanpaDki.Select(p => p.Nip));
    }

    [Fact]
    public void Jadwal_DkiSebulanSesudahYangTerakhir_TundaMenggeser_DkoSesudahRealisasiTriwulan()
    {
        var data = Kantor();
        var dialog = new[] { Diadakan(SeriDialog.Dki(Kepala, Kasi), new DateOnly(2026, 11, 2)) };
        var tunda = new RencanaDialog("K", SeriDialog.Dko(Kepala, "K"), new DateOnly(2026, 12, 3), new Pelaku(Kepala, "Kepala"), Sekarang);

        var jadwal = JadwalDialog.Untuk(data, data.CariPegawai(Kepala)!, Penilai, dialog, [tunda], HariIni, Kebijakan);

        var dki = jadwal.Single(j => j.Seri.Jenis == JenisDialog.Dki);
        Assert.Equal((new DateOnly(2026, 12, 2), new DateOnly(2026, 11, 2), false, false), (dki.JatuhTempo, dki.TerakhirDilaksanakan, dki.Ditunda, dki.TidakPatuh));
        var dko = jadwal.Single(j => j.Seri.Jenis == JenisDialog.Dko);
        Assert.Equal((new DateOnly(2026, 12, 3), true, new Periode(2026, 1)), (dko.JatuhTempo, dko.Ditunda, dko.Periode));
        var kasi = JadwalDialog.Untuk(data, data.CariPegawai(Kasi)!, Penilai, dialog, [], HariIni, Kebijakan);
        Assert.All(kasi, j => Assert.Equal((JenisDialog.Dki, HariIni, true), (j.Seri.Jenis, j.JatuhTempo, j.TidakPatuh)));
        Assert.Equal(2, kasi.Count);
    }

    [Fact]
    public void Tunda_HanyaPemimpin_KeTanggalSesudahHariIni()
    {
        var seri = SeriDialog.Dki(Kasi, Anak);
        Assert.Equal("Hanya pemimpin dialog yang dapat menunda dialog ini.", RencanaDialog.Periksa(seri, Anak, new DateOnly(2026, 12, 5), HariIni, Kebijakan));
        Assert.Equal("Tanggal baru harus sesudah hari ini (28 November 2026).", RencanaDialog.Periksa(seri, Kasi, HariIni, HariIni, Kebijakan));
        Assert.Equal("Dialog paling lama ditunda sampai 28 Februari 2027.", RencanaDialog.Periksa(seri, Kasi, new DateOnly(2027, 3, 1), HariIni, Kebijakan));
        Assert.Null(RencanaDialog.Periksa(seri, Kasi, new DateOnly(2026, 12, 5), HariIni, Kebijakan));
    }

    [Fact]
    public void KebijakanDialog_BawaanSesuaiDomainMd8_DanKunciSalahDisebut()
    {
        Assert.Equal((1, 3, 3, 14, 366), (Kebijakan.DkiSetiapBulan, Kebijakan.DkiBatasKepatuhanBulan, Kebijakan.DkoSetiapBulan, Kebijakan.DkoHariSesudahTriwulan,
            Kebijakan.TenggatTindakLanjutMaksimalHari));
        var e = Assert.Throws<KebijakanTidakValidException>(() => KebijakanDialog.Bawaan("""{ "dki": { "setiapBulan": 0, "mingguan": 1 } }"""));
        Assert.Equal(["dki.mingguan: kunci tidak dikenal", "dki.setiapBulan: harus antara 1 dan 12, bukan 0"], e.Kesalahan);
    }

    [Fact]
    public void Catat_TenggatLewatBatasKebijakan_TerlaluJauh_TepatDiBatasDiterima()
    {
        var jauh = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"], new MasukanTindakLanjut("Perbaiki SOP", Anak.Value, "30/11/2027")), Kebijakan);
        var batas = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"], new MasukanTindakLanjut("Perbaiki SOP", Anak.Value, "29/11/2027")), Kebijakan);

        Assert.Equal(["Tindak lanjut 1: tenggat 30 November 2027 terlalu jauh (paling lama 366 hari dari hari ini)."], jauh.Kesalahan);
        Assert.Equal(new DateOnly(2027, 11, 29), Assert.Single(batas.Dialog!.TindakLanjut).Tenggat);
    }

    [Fact]
    public void Catat_AgendaTanpaButir_NotulaKosongDitolak_NotulaUmumMenjadiButirLainLain()
    {
        var kosong = new AgendaDialog(SeriDialog.Dki(Kasi, Anak), new Periode(2026, 3), []);

        var ditolak = DialogKinerja.Catat(Catatan(kosong, []) with { NotulaUmum = "   " }, Kebijakan);
        var diterima = DialogKinerja.Catat(Catatan(kosong, []) with { NotulaUmum = "  Rencana aksi TW IV disepakati " }, Kebijakan);

        Assert.Equal(["Notula dialog masih kosong: tuliskan apa yang dibahas."], ditolak.Kesalahan);
        Assert.Null(ditolak.Dialog);
        var butir = Assert.Single(diterima.Dialog!.Agenda);
        Assert.Equal((JenisItemAgenda.LainLain, "Lain-lain", "Rencana aksi TW IV disepakati"), (butir.Item.Jenis, butir.Item.Judul, butir.Notula));
    }

    [Fact]
    public void Catat_NotulaUmumDitambahkanSebagaiButirTerakhir_SesudahButirAgenda()
    {
        var hasil = DialogKinerja.Catat(Catatan(AgendaDua(), ["Dibahas", "Sepakat"]) with { NotulaUmum = "Cuti bersama Desember" }, Kebijakan);

        Assert.Equal([("IKU X", "Dibahas"), ("SKP 2027", "Sepakat"), ("Lain-lain", "Cuti bersama Desember")],
            hasil.Dialog!.Agenda.Select(b => (b.Item.Judul, b.Notula)));
        Assert.Equal("Dibahas di luar agenda yang disusun", hasil.Dialog.Agenda[2].Item.Alasan);
    }

    [Fact]
    public void Catat_NotulaLebihDariBatas_Ditolak_TepatDiBatasDiterima()
    {
        var panjang = new string('x', DialogKinerja.NotulaMaksimal + 1);
        var pas = new string('x', DialogKinerja.NotulaMaksimal);

        Assert.Equal(["Notula butir 2 terlalu panjang (paling banyak 2000 karakter)."], DialogKinerja.Catat(Catatan(AgendaDua(), ["a", panjang]), Kebijakan).Kesalahan);
        Assert.True(DialogKinerja.Catat(Catatan(AgendaDua(), ["a", pas]), Kebijakan).Berhasil);
    }

    [Fact]
    public void Catat_LebihDariSepuluhTindakLanjut_Ditolak_SepuluhDiterima()
    {
        MasukanTindakLanjut[] Baris(int n) => [.. Enumerable.Range(1, n).Select(i => new MasukanTindakLanjut($"Langkah {i}", Anak.Value, "31/12/2026"))];

        var sebelas = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"], Baris(11)), Kebijakan);
        var sepuluh = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"], Baris(10)), Kebijakan);

        Assert.Equal(["Paling banyak 10 tindak lanjut per dialog."], sebelas.Kesalahan);
        Assert.Equal(10, sepuluh.Dialog!.TindakLanjut.Count);
    }

    [Fact]
    public void Catat_TanggalAtauJamTidakTerbaca_Disebut_TenggatTetapDiperiksa()
    {
        var tanpaTanggal = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"]) with { Tanggal = null, PadaUtc = null }, Kebijakan);
        var tanpaJam = DialogKinerja.Catat(Catatan(AgendaDua(), ["a", "b"], new MasukanTindakLanjut("Perbaiki SOP", Anak.Value, "1/11/2026")) with
        {
            Jam = null, PadaUtc = null,
        }, Kebijakan);

        Assert.Equal(["Tanggal dan jam dialog wajib diisi, misalnya 27/11/2026 pukul 09.00."], tanpaTanggal.Kesalahan);
        Assert.Equal(
        [
            "Tanggal dan jam dialog wajib diisi, misalnya 27/11/2026 pukul 09.00.",
            "Tindak lanjut 1: tenggat 1 November 2026 sudah lewat. Pilih tanggal mulai hari ini (28 November 2026).",
        ], tanpaJam.Kesalahan);
    }

    [Theory]
    [InlineData("09.00", 9, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData("14:30:00", 14, 30)]
    public void MasukanJam_DiketikAtauDariPemilih(string teks, int jam, int menit)
    {
        Assert.True(MasukanTanggal.TryParseJam(teks, out var j));
        Assert.Equal(new TimeOnly(jam, menit), j);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("jam 9")]
    [InlineData("")]
    public void MasukanJam_TidakSah(string teks) => Assert.False(MasukanTanggal.TryParseJam(teks, out _));

    [Fact]
    public void JamDenganZona_ZonaDialogSendiri()
    {
        var agenda = new AgendaDialog(SeriDialog.Dki(Kasi, Anak), new Periode(2026, 3), [new ItemAgenda(JenisItemAgenda.Skp, "SKP", "x")]);
        var wita = DialogKinerja.Catat(Catatan(agenda, ["ok"]) with { Jam = new TimeOnly(14, 0), ZonaWaktu = "Asia/Makassar", PadaUtc = new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero) },
            Kebijakan);

        Assert.Equal("14.00 WITA", wita.Dialog!.JamDenganZona);
    }

    [Fact]
    public void Dko_TindakLanjutTerbukaDkoTerbawa_TindakLanjutSeriLainTidak()
    {
        var data = Kantor();
        var seriDko = SeriDialog.Dko(Kepala, "K");
        var dko = new TindakLanjut("dko-1", "K", "dlg-dko", seriDko, "Evaluasi SOP layanan", new Pelaku(Kasi, "Kasi"), new DateOnly(2026, 12, 15), new DateOnly(2026, 10, 14));
        var dkoLewat = new TindakLanjut("dko-2", "K", "dlg-dko", seriDko, "Laporan inisiatif", new Pelaku(Kasi, "Kasi"), new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 14));
        var dkoLain = new TindakLanjut("dko-3", "K", "dlg-x", SeriDialog.Dko(Kasi, "S"), "Unit lain", new Pelaku(Anak, "Anak"), new DateOnly(2026, 12, 15), new DateOnly(2026, 10, 14));
        var dki = Tl("dki-1", Kepala, Kasi, new DateOnly(2026, 12, 15));

        var agenda = new PenyusunAgenda(Penilai).Dko(data, data.CariUnit("K")!, new Periode(2026, 1), [], [dki, dkoLain, dko, dkoLewat], HariIni);

        var tl = agenda.Item.Where(i => i.IdTindakLanjut is not null).ToList();
        Assert.Equal([("dko-2", JenisItemAgenda.TindakLanjutTerlambat), ("dko-1", JenisItemAgenda.TindakLanjutTerbuka)], tl.Select(i => (i.IdTindakLanjut!, i.Jenis)));
        Assert.Equal(("Tindak lanjut: Evaluasi SOP layanan", "Masih terbuka dari dialog sebelumnya (tenggat 15 Desember 2026)"), (tl[1].Judul, tl[1].Alasan));
    }

    [Fact]
    public void KunciItem_TetapWalauAngkaBerubah_SidikAgendaBerubah_KunciUnikDalamAgenda()
    {
        var data = Kantor();
        var penyusun = new PenyusunAgenda(Penilai);
        var skp = new KeadaanSkp(2027, StatusSkp.Diajukan, TenggatSkp.Untuk(2027));
        var tl = Tl("a", Kasi, Anak, new DateOnly(2026, 12, 10));
        var sebelum = penyusun.Dki(data, data.CariPegawai(Kasi)!, data.CariPegawai(Anak)!, new Periode(2026, 1), [skp], [tl], HariIni);
        var disetujui = penyusun.Dki(data, data.CariPegawai(Kasi)!, data.CariPegawai(Anak)!, new Periode(2026, 1), [skp with { Status = StatusSkp.Disetujui }], [tl], HariIni);
        tl.Selesaikan(new Pelaku(Anak, "Anak"), "beres", Sekarang, 1);
        var tanpaTl = penyusun.Dki(data, data.CariPegawai(Kasi)!, data.CariPegawai(Anak)!, new Periode(2026, 1), [skp], [tl], HariIni);

        Assert.Equal(sebelum.Item.Select(i => i.Kunci), disetujui.Item.Select(i => i.Kunci)); // the SKP item keeps its key when its state changes
        Assert.NotEqual(sebelum.Item[3].Judul, disetujui.Item[3].Judul);
        Assert.NotEqual(sebelum.Sidik, disetujui.Sidik);
        Assert.NotEqual(sebelum.Sidik, tanpaTl.Sidik);
        Assert.Equal(sebelum.Sidik, penyusun.Dki(data, data.CariPegawai(Kasi)!, data.CariPegawai(Anak)!, new Periode(2026, 1), [skp], [Tl("a", Kasi, Anak, new DateOnly(2026, 12, 10))], HariIni).Sidik);
        Assert.Equal(sebelum.Item.Count, sebelum.Item.Select(i => i.Kunci).Distinct().Count());
        Assert.All(sebelum.Item, i => Assert.Matches("^[0-9a-f]{12}$", i.Kunci));

        var kembar = penyusun.Dko(data, data.CariUnit("K")!, new Periode(2026, 1),
            [new InisiatifStrategis("Klinik satker", "SS A", 40), new InisiatifStrategis("Klinik satker", "SS B", 60)], [], HariIni);
        Assert.Equal(kembar.Item.Count, kembar.Item.Select(i => i.Kunci).Distinct().Count());
    }

    [Fact]
    public void Jadwal_KantorTanpaRealisasi_DkiTetapJatuhTempo_AgendaSkpDanTindakLanjut_TanpaDko()
    {
        var data = new DataKantorBuilder()
            .Unit("K", LevelUnit.Three)
            .Kepala("K", Kepala)
            .Pelaksana("K", Kasi, Kepala)
            .Kontrak(Kasi, IkuBuilder.Maximize().Kode("BELUM").DenganTarget(1, 10))
            .Kontrak(Kepala, IkuBuilder.Maximize().Kode("K1").DenganTarget(1, 10).Di(Perspektif.Stakeholder, "SS A"))
            .Build();
        Assert.Null(data.PeriodeTerakhirDenganRealisasi());

        var jadwal = JadwalDialog.Untuk(data, data.CariPegawai(Kepala)!, Penilai, [], [], HariIni, Kebijakan);
        var dki = Assert.Single(jadwal);
        Assert.Equal((SeriDialog.Dki(Kepala, Kasi), HariIni, new Periode(2026, 1), true), (dki.Seri, dki.JatuhTempo, dki.Periode, dki.TidakPatuh));

        var tl = new TindakLanjut("t", "K", "dlg-lama", dki.Seri, "Ajukan SKP", new Pelaku(Kasi, "Kasi"), new DateOnly(2026, 12, 5), new DateOnly(2026, 10, 1));
        var agenda = new PenyusunAgenda(Penilai).Dki(data, data.CariPegawai(Kepala)!, data.CariPegawai(Kasi)!, dki.Periode,
            [new KeadaanSkp(2027, StatusSkp.Draft, TenggatSkp.Untuk(2027))], [tl], HariIni);
        Assert.Equal([JenisItemAgenda.Skp, JenisItemAgenda.TindakLanjutTerbuka], agenda.Item.Select(i => i.Jenis));
    }

    [Theory]
    [InlineData(3, "2026-07-14")]  // TW II 2026 + 14 days
    [InlineData(6, "2026-10-14")]  // TW III 2026
    [InlineData(12, "2027-04-14")] // TW I 2027
    public void Jadwal_DkoBerikutnyaSetiapBulanKebijakanSesudahYangTerakhir(int setiapBulan, string jatuhTempo)
    {
        var data = Kantor();
        var kebijakan = KebijakanDialog.Bawaan($$"""{ "dko": { "setiapBulan": {{setiapBulan}} } }""");
        var seri = SeriDialog.Dko(Kepala, "K");
        var dialog = new[] { Diadakan(seri, new DateOnly(2026, 4, 20), new Periode(2026, 1)) };

        var dko = JadwalDialog.Untuk(data, data.CariPegawai(Kepala)!, Penilai, dialog, [], HariIni, kebijakan).Single(j => j.Seri == seri);
        var belumPernah = JadwalDialog.Untuk(data, data.CariPegawai(Kepala)!, Penilai, [], [], HariIni, kebijakan).Single(j => j.Seri == seri);

        Assert.Equal(setiapBulan / 3, kebijakan.DkoSetiapTriwulan);
        Assert.Equal(DateOnly.Parse(jatuhTempo, System.Globalization.CultureInfo.InvariantCulture), dko.JatuhTempo);
        Assert.False(dko.TidakPatuh);
        Assert.Equal(new Periode(2026, 1), dko.Periode); // the agenda reads the latest data there is
        Assert.Equal((new DateOnly(2026, 4, 14), true), (belumPernah.JatuhTempo, belumPernah.TidakPatuh));
    }

    [Fact]
    public void KebijakanDialog_DkoBukanKelipatanTriwulan_Ditolak()
    {
        var e = Assert.Throws<KebijakanTidakValidException>(() => KebijakanDialog.Bawaan("""{ "dko": { "setiapBulan": 4 } }"""));
        Assert.Equal(["dko.setiapBulan: harus kelipatan 3 (triwulan): 3, 6, 9 atau 12, bukan 4"], e.Kesalahan);
    }

    [Theory]
    [InlineData("31/12/2026", 2026, 12, 31)]
    [InlineData("1/2/2027", 2027, 2, 1)]
    [InlineData("2026-12-31", 2026, 12, 31)]
    [InlineData(" 31-12-2026 ", 2026, 12, 31)]
    public void MasukanTanggal_DiketikAtauDariKalender(string teks, int th, int bl, int tg)
    {
        Assert.True(MasukanTanggal.TryParse(teks, out var t));
        Assert.Equal(new DateOnly(th, bl, tg), t);
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("12/31/2026x")]
    [InlineData("")]
    public void MasukanTanggal_TidakSah(string teks) => Assert.False(MasukanTanggal.TryParse(teks, out _));
}
