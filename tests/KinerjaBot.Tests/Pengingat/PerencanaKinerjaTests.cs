using Kinerja.Cards;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengingat;
using Kinerja.Testing;
using Kinerja.Testing.Builders;
using Kinerja.Testing.CardLint;
using Microsoft.Extensions.DependencyInjection;
using CardJson = KinerjaBot.Tests.Support.CardJson;

namespace KinerjaBot.Tests.Pengingat;

/// <summary>Realisation reminders, dialog prompts and score summaries: the demo office and targeted builder data.</summary>
public sealed class PerencanaKinerjaTests
{
    private const string Kantor = "KPPN-METRO";
    private static readonly Nip Bagus = Nip.Parse("198211052003121004");
    private static readonly Nip Hendarto = Nip.Parse("197603141998031002");
    private static readonly Nip Nurul = Nip.Parse("199611192019032005");

    private static async Task<PengingatHarness> DemoAsync(int y, int m, int d)
    {
        var h = new PengingatHarness(PengingatHarness.WaktuLokal(y, m, d, 8));
        await h.ImporDemoAsync();
        return h;
    }

    [Fact]
    public async Task Realisasi_DalamSepuluhHariSetelahTriwulan_KePemilikIkuYangBelumIsi_DenganDaftarnya()
    {
        using var h = await DemoAsync(2026, 10, 1);
        var diharapkan = DemoCsv.TanpaRealisasi2026(3);
        Assert.NotEmpty(diharapkan);

        foreach (var d in new[] { 1, 2, 5, 9 })
        {
            h.Pada(2026, 10, d, 8);
            await h.JalankanAsync(Kantor);
        }

        var terencana = h.Pengiriman.Jenis(JenisPengiriman.PengingatRealisasi);
        Assert.Equal(diharapkan.Keys.OrderBy(n => n.Value), terencana.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.All(terencana, k => Assert.Equal("2026-TW3", k.Kurun));

        var (nip, kode) = diharapkan.First();
        var pesan = (await h.SusunAsync(terencana.Single(k => k.Penerima == nip)))!;
        foreach (var d in new[] { 12, 13 })
        {
            h.Pada(2026, 10, d, 8);
            await h.JalankanAsync(Kantor);
        }

        Assert.Equal(terencana.Count, h.Pengiriman.Jenis(JenisPengiriman.PengingatRealisasi).Count);
        var teks = CardJson.AllText(pesan.Kartu.ToJson());
        Assert.All(kode, k => Assert.Contains(k, teks, StringComparison.Ordinal));
        Assert.Contains("10 Oktober 2026", teks, StringComparison.Ordinal);
        Assert.True(pesan.BisaDitunda);
        await CardLinter.Shared.AssertValidAsync(pesan.Kartu.ToJson().ToJsonString());
    }

    [Fact]
    public async Task Realisasi_SudahDiisiSaatKirim_Dilewati()
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 10, 5, 8));
        var data = Kecil(realisasiTw3: false);
        await h.SimpanAsync(data);
        await h.JalankanAsync("KPPN-K");
        Assert.Equal(3, h.Pengiriman.Jenis(JenisPengiriman.PengingatRealisasi).Count);
        var kunci = h.Pengiriman.Jenis(JenisPengiriman.PengingatRealisasi).Single(k => k.Penerima == NipContoh.Pelaksana);
        Assert.NotNull(await h.SusunAsync(kunci));

        await h.Kantor.SimpanAsync(Kecil(realisasiTw3: true), CancellationToken.None); // the coordinator imports the realisation

        Assert.Null(await h.SusunAsync(kunci));
    }

    [Fact]
    public async Task Dki_HariKerjaPertamaBulan_KeSetiapPimpinan_AgendaPerBawahan()
    {
        using var h = await DemoAsync(2026, 11, 30);
        foreach (var d in new[] { 1, 2 })
        {
            h.Pada(2026, 12, d, 8);
            await h.JalankanAsync(Kantor);
        }

        var dki = h.Pengiriman.Jenis(JenisPengiriman.AjakanDki);
        Assert.Equal(DemoCsv.Pimpinan.OrderBy(n => n.Value), dki.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.All(dki, k => Assert.Equal("2026-12", k.Kurun));

        var pesan = (await h.SusunAsync(dki.Single(k => k.Penerima == Bagus)))!;
        var teks = CardJson.AllText(pesan.Kartu.ToJson());
        Assert.Contains("Desember 2026", teks, StringComparison.Ordinal);
        foreach (var bawahan in DemoCsv.Pegawai.Where(p => DemoCsv.Atasan(p) == Bagus))
        {
            var nama = DemoCsv.Baca("pegawai.csv").Single(r => r["nip"] == bawahan.Value)["nama"];
            Assert.Contains(nama, teks, StringComparison.Ordinal);
        }

        await CardLinter.Shared.AssertValidAsync(pesan.Kartu.ToJson().ToJsonString());
    }

    [Fact]
    public async Task AgendaIku_MerahDuluDenganTargetRealisasiSelisih_LaluYangBelumAdaRealisasi()
    {
        var data = new DataKantorBuilder()
            .Unit("KPPN-K", LevelUnit.Three)
            .Kepala("KPPN-K", NipContoh.KepalaKppn)
            .Pelaksana("KPPN-K", NipContoh.Pelaksana, NipContoh.KepalaKppn)
            .Kontrak(NipContoh.Pelaksana,
                IkuBuilder.Maximize().Kode("K1").DenganBobot(25).Triwulan(1, 100, 95),
                IkuBuilder.Maximize().Kode("K2").DenganBobot(25).Triwulan(1, 100, 60),
                IkuBuilder.Maximize().Kode("K3").DenganBobot(25).Triwulan(1, 100, 110),
                IkuBuilder.Maximize().Kode("K4").DenganBobot(25).DenganTarget(1, 100))
            .Build();
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 4, 10, 8));
        await using var scope = h.Services.CreateAsyncScope();
        var agenda = await scope.ServiceProvider.GetRequiredService<IAgendaDialog>().SusunAsync(data, data.CariPegawai(NipContoh.KepalaKppn)!,
            data.CariPegawai(NipContoh.Pelaksana)!, new Periode(2026, 1), organisasi: false, new DateOnly(2026, 4, 10), CancellationToken.None);

        Assert.Equal(["K2", "K1"], agenda.DiBawahTarget.Select(i => i.Kode));
        Assert.Equal((100m, 60m, 60m), (agenda.DiBawahTarget[0].Target!.Value, agenda.DiBawahTarget[0].Realisasi!.Value, agenda.DiBawahTarget[0].IndeksCapaian!.Value));
        Assert.Equal(["K4"], agenda.BelumAdaRealisasi.Select(i => i.Kode));
        var kartu = AjakanDialogCard.Render(new AjakanDialogModel(false, "Kepala", "Januari 2026", "TW I 2026", [agenda])).ToJson();
        var teks = CardJson.AllText(kartu);
        Assert.True(teks.Contains(": capaian 60,00 (target 100,00, realisasi 60,00, selisih -40,00)", StringComparison.Ordinal), teks);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    [Fact]
    public async Task Dki_AgendaDariDialogKinerja_TindakLanjutTerbukaDanSkpIkutDibahas()
    {
        using var h = await DemoAsync(2026, 11, 30);
        var lestari = new Pelaku(Nip.Parse("199312012015032004"), "Lestari Handayani");
        var bagus = new Pelaku(Bagus, "Bagus Prasetyo Nugroho");
        var seri = SeriDialog.Dki(Bagus, lestari.Nip);
        var agendaLama = new AgendaDialog(seri, new Periode(2026, 3), [new ItemAgenda(JenisItemAgenda.LainLain, "Pembukaan", "Dialog pertama")]);
        var dicatat = DialogKinerja.Catat(new CatatanDialog("dlg-uji", Kantor, agendaLama, bagus, [bagus, lestari], new DateOnly(2026, 11, 2), new TimeOnly(9, 0),
            new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), "Asia/Jakarta", ["Sepakat menyusun SOP"], null,
            [new MasukanTindakLanjut("Susun SOP antrean SPM", lestari.Nip.Value, "20/11/2026")], new DateOnly(2026, 11, 2),
            new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero)), KebijakanDialog.Bawaan());
        Assert.True(dicatat.Berhasil, string.Join("; ", dicatat.Kesalahan));
        await h.Services.GetRequiredService<IDialogStore>().SimpanAsync(dicatat.Dialog!, CancellationToken.None);

        h.Pada(2026, 12, 1, 8);
        await h.JalankanAsync(Kantor);
        var pesan = (await h.SusunAsync(h.Pengiriman.Jenis(JenisPengiriman.AjakanDki).Single(k => k.Penerima == Bagus)))!;

        // The prompt lists what the leader's "dialog" card lists: the follow-up agreed in November, overdue since the
        // 20th, and the SKP item, each with why it is on the agenda.
        var teks = CardJson.AllText(pesan.Kartu.ToJson());
        Assert.Contains("Tindak lanjut: Susun SOP antrean SPM — Terlambat 11 hari (tenggat 20 November 2026)", teks, StringComparison.Ordinal);
        Assert.Contains("SKP 2026: ", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(pesan.Kartu.ToJson().ToJsonString());
    }

    [Fact]
    public async Task Dko_HariKerjaPertamaSetelahMasaIsiRealisasi_KePemilikPetaStrategi()
    {
        using var h = await DemoAsync(2026, 10, 9);
        foreach (var d in new[] { 9, 12, 13 })
        {
            h.Pada(2026, 10, d, 8);
            await h.JalankanAsync(Kantor);
        }

        // 30 September + 11 days is Sunday 11 October: the DKO prompt goes on Monday the 12th, once, to the KPPN head.
        var dko = Assert.Single(h.Pengiriman.Jenis(JenisPengiriman.AjakanDko));
        Assert.Equal((Hendarto, "2026-TW3"), (dko.Penerima, dko.Kurun));
        var pesan = (await h.SusunAsync(dko))!;
        Assert.Contains("DKO", pesan.Ringkasan, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(pesan.Kartu.ToJson().ToJsonString());

        // The head's strategic initiatives of 2026 (inisiatif.csv) are on the prompt, each with why: the archive
        // digitisation (60 %, due 30 September) is late on 12 October, the other two are monitored.
        var teks = CardJson.AllText(pesan.Kartu.ToJson());
        var nama = File.ReadAllLines(Path.Combine(RepoPaths.DemoData, "inisiatif.csv")).Skip(1).Select(l => l.Split(',')[3]).ToList();
        Assert.Equal(3, nama.Count);
        Assert.All(nama, n => Assert.Contains($"Inisiatif strategis: {n}", teks, StringComparison.Ordinal));
        Assert.Contains("Inisiatif strategis: Digitalisasi arsip dokumen SPM dan SP2D — Inisiatif strategis melewati tenggat dan belum selesai", teks, StringComparison.Ordinal);
        Assert.Contains("Inisiatif strategis: Klinik pelaksanaan anggaran satker mitra — Kemajuan inisiatif strategis dipantau pada setiap DKO", teks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RingkasanNilai_SetelahTriwulanFinal_KeSetiapPegawaiDanPimpinan_SekaliSaja()
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 10, 30, 8));
        await h.SimpanAsync(Kecil(realisasiTw3: true));

        await h.JalankanAsync("KPPN-K");
        Assert.DoesNotContain(h.Pengiriman.Jenis(JenisPengiriman.RingkasanNilai), k => k.Kurun == "2026-TW3");

        // 1 November 2026 is a Sunday: TW III becomes final on Monday the 2nd.
        h.Pada(2026, 11, 2, 8);
        await h.JalankanAsync("KPPN-K");
        h.Pada(2026, 11, 3, 8);
        await h.JalankanAsync("KPPN-K");

        var nilai = h.Pengiriman.Jenis(JenisPengiriman.RingkasanNilai).Where(k => k.Kurun == "2026-TW3").ToList();
        var tim = h.Pengiriman.Jenis(JenisPengiriman.RingkasanTim).Where(k => k.Kurun == "2026-TW3").ToList();
        Assert.Equal([NipContoh.KepalaKppn, NipContoh.KasubbagUmum, NipContoh.Pelaksana], nilai.Select(k => k.Penerima));
        Assert.Equal([NipContoh.KepalaKppn, NipContoh.KasubbagUmum], tim.Select(k => k.Penerima));

        var saya = (await h.SusunAsync(nilai[2]))!;
        Assert.Equal("100,00", CardJson.ById(saya.Kartu.ToJson(), NilaiSayaCard.IdNkp)!["text"]!.GetValue<string>()[..6]);
        var timKepala = (await h.SusunAsync(tim[0]))!;
        Assert.Contains("2 pegawai", timKepala.Ringkasan, StringComparison.Ordinal);
        Assert.False(saya.BisaDitunda);
        await CardLinter.Shared.AssertValidAsync(saya.Kartu.ToJson().ToJsonString());
        await CardLinter.Shared.AssertValidAsync(timKepala.Kartu.ToJson().ToJsonString());
    }

    [Fact]
    public async Task RingkasanNilai_DataBelumLengkap_TidakDikirim()
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 11, 2, 8));
        await h.SimpanAsync(Kecil(realisasiTw3: false));

        await h.JalankanAsync("KPPN-K");

        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.RingkasanNilai));
        Assert.Empty(h.Pengiriman.Jenis(JenisPengiriman.RingkasanTim));
    }

    [Fact]
    public async Task RingkasanNilai_Demo_SetiapPegawaiSaatNkpnyaFinal_RealisasiNurulYangKurangHanyaMenahanNurulDanTimAtasannya()
    {
        // Nurul Fadhilah's TW III realisation of 2b.005 is missing in the demo; 2 November 2026 is TW III's first working day as final.
        var kurang = new[] { 1, 2, 3 }.SelectMany(tw => DemoCsv.TanpaRealisasi2026(tw).Keys).ToHashSet();
        Assert.Contains(Nurul, DemoCsv.TanpaRealisasi2026(3).Keys);
        var denganKontrak = DemoCsv.Baca("iku.csv").Where(r => r["tahun"] == "2026").Select(r => Nip.Parse(r["nip_pemilik"])).ToHashSet();
        var denganPerilaku = DemoCsv.Baca("perilaku.csv").Where(r => r["tahun"] == "2026").Select(r => Nip.Parse(r["nip"])).ToHashSet();
        var lengkap = denganKontrak.Where(n => !kurang.Contains(n) && denganPerilaku.Contains(n)).ToHashSet();
        var tidakLengkap = denganKontrak.Except(lengkap).ToHashSet();
        using var h = await DemoAsync(2026, 11, 2);

        await h.JalankanAsync(Kantor);

        var nilai = h.Pengiriman.Jenis(JenisPengiriman.RingkasanNilai);
        Assert.All(nilai, k => Assert.Equal("2026-TW3", k.Kurun));
        Assert.Equal(lengkap.OrderBy(n => n.Value), nilai.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.NotEmpty(nilai);
        Assert.DoesNotContain(Nurul, nilai.Select(k => k.Penerima));
        // A team card waits for its slowest member: Nurul's Kasi and the head of the office wait, complete teams do not.
        var tim = h.Pengiriman.Jenis(JenisPengiriman.RingkasanTim).Select(k => k.Penerima).ToHashSet();
        var timLengkap = DemoCsv.Pimpinan.Where(p => Bawahan(p).All(b => !tidakLengkap.Contains(b))).ToHashSet();
        Assert.Equal(timLengkap.OrderBy(n => n.Value), tim.OrderBy(n => n.Value));
        Assert.DoesNotContain(Bagus, tim);
        Assert.DoesNotContain(Hendarto, tim);
        Assert.NotEmpty(tim);

        // From the cut-off (1 November + 30 days) what is still incomplete goes anyway, marked sementara; nothing twice.
        h.Pada(2026, 11, 30, 8);
        await h.JalankanAsync(Kantor);
        Assert.DoesNotContain(h.Pengiriman.Buku, r => r.Kunci.Kurun.EndsWith("sementara", StringComparison.Ordinal));
        h.Pada(2026, 12, 1, 8);
        await h.JalankanAsync(Kantor);
        var sementara = h.Pengiriman.Jenis(JenisPengiriman.RingkasanNilai).Where(k => k.Kurun == "2026-TW3-sementara").ToList();
        Assert.Equal(tidakLengkap.OrderBy(n => n.Value), sementara.Select(k => k.Penerima).OrderBy(n => n.Value));
        Assert.Equal(
            DemoCsv.Pimpinan.Where(p => !timLengkap.Contains(p)).OrderBy(n => n.Value),
            h.Pengiriman.Jenis(JenisPengiriman.RingkasanTim).Where(k => k.Kurun == "2026-TW3-sementara").Select(k => k.Penerima).OrderBy(n => n.Value));

        var kartuNurul = (await h.SusunAsync(sementara.Single(k => k.Penerima == Nurul)))!;
        var teks = CardJson.AllText(kartuNurul.Kartu.ToJson());
        Assert.Contains("Status: **Sementara**", teks, StringComparison.Ordinal);
        Assert.Contains("2b.005", teks, StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartuNurul.Kartu.ToJson().ToJsonString());
        var kartuTimBagus = (await h.SusunAsync(new KunciPengiriman(JenisPengiriman.RingkasanTim, "2026-TW3-sementara", Kantor, Bagus)))!;
        Assert.Contains("nilai masih sementara", CardJson.AllText(kartuTimBagus.Kartu.ToJson()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RingkasanNilai_SementaraSetelahBatas_LaluFinalBegituDataLengkap()
    {
        using var h = new PengingatHarness(PengingatHarness.WaktuLokal(2026, 11, 2, 8));
        await h.SimpanAsync(Kecil(realisasiTw3: false));
        await h.JalankanAsync("KPPN-K");
        Assert.DoesNotContain(h.Pengiriman.Buku, r => r.Kunci.Jenis is JenisPengiriman.RingkasanNilai or JenisPengiriman.RingkasanTim);

        h.Pada(2026, 12, 1, 8);
        await h.JalankanAsync("KPPN-K");
        var sementara = h.Pengiriman.Jenis(JenisPengiriman.RingkasanNilai);
        Assert.Equal([NipContoh.KepalaKppn, NipContoh.KasubbagUmum, NipContoh.Pelaksana], sementara.Select(k => k.Penerima));
        Assert.All(sementara, k => Assert.Equal("2026-TW3-sementara", k.Kurun));
        Assert.NotNull(await h.SusunAsync(sementara[2]));

        // The realisations come in: the provisional card is no longer built, the final one is planned the next working day.
        await h.Kantor.SimpanAsync(Kecil(realisasiTw3: true), CancellationToken.None);
        Assert.Null(await h.SusunAsync(sementara[2]));
        h.Pada(2026, 12, 2, 8);
        await h.JalankanAsync("KPPN-K");
        var final = h.Pengiriman.Jenis(JenisPengiriman.RingkasanNilai).Where(k => k.Kurun == "2026-TW3").ToList();
        Assert.Equal([NipContoh.KepalaKppn, NipContoh.KasubbagUmum, NipContoh.Pelaksana], final.Select(k => k.Penerima));
        Assert.Equal([NipContoh.KepalaKppn, NipContoh.KasubbagUmum],
            h.Pengiriman.Jenis(JenisPengiriman.RingkasanTim).Where(k => k.Kurun == "2026-TW3").Select(k => k.Penerima));
        var kartu = (await h.SusunAsync(final[2]))!;
        Assert.Contains("Status: **Final**", CardJson.AllText(kartu.Kartu.ToJson()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realisasi_DitundaMelewatiMasaIsi_TidakDikirimLagi()
    {
        using var h = await DemoAsync(2026, 10, 9);
        var kunci = new KunciPengiriman(JenisPengiriman.PengingatRealisasi, "2026-TW3", Kantor, Nurul);
        Assert.NotNull(await h.SusunAsync(kunci));

        // "Ingatkan besok" on Friday 9 October moves it to Monday 12 October: the window closed on the 10th.
        h.Pada(2026, 10, 12, 8);

        Assert.Null(await h.SusunAsync(kunci));
    }

    private static IEnumerable<Nip> Bawahan(Nip pimpinan)
    {
        var semua = new List<Nip>();
        var antrian = new Queue<Nip>([pimpinan]);
        while (antrian.TryDequeue(out var atas))
        {
            foreach (var b in DemoCsv.Pegawai.Where(p => DemoCsv.Atasan(p) == atas))
            {
                semua.Add(b);
                antrian.Enqueue(b);
            }
        }

        return semua;
    }

    /// <summary>A small office: head → Kasubbag Umum → pelaksana, each with one IKU at exactly 100 % for TW I–III (TW III optional), NP 100.</summary>
    private static DataKantor Kecil(bool realisasiTw3)
    {
        IkuBuilder Iku()
        {
            var iku = IkuBuilder.Maximize().Kode("A1").DenganBobot(100).Triwulan(1, 100, 100).Triwulan(2, 100, 100).DenganTarget(3, 100);
            return realisasiTw3 ? iku.DenganRealisasi(3, 100) : iku;
        }

        return new DataKantorBuilder()
            .Unit("KPPN-K", LevelUnit.Three).Unit("KPPN-K-UMUM", LevelUnit.Four, "KPPN-K")
            .Kepala("KPPN-K", NipContoh.KepalaKppn)
            .Kepala("KPPN-K-UMUM", NipContoh.KasubbagUmum, NipContoh.KepalaKppn)
            .Pelaksana("KPPN-K-UMUM", NipContoh.Pelaksana, NipContoh.KasubbagUmum)
            .Kontrak(NipContoh.KepalaKppn, Iku()).Kontrak(NipContoh.KasubbagUmum, Iku()).Kontrak(NipContoh.Pelaksana, Iku())
            .Perilaku(NipContoh.KepalaKppn, 100).Perilaku(NipContoh.KasubbagUmum, 100).Perilaku(NipContoh.Pelaksana, 100)
            .Build();
    }
}
