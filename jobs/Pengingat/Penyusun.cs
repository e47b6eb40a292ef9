using Kinerja.Cards;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengiriman;

namespace Kinerja.Jobs.Pengingat;

/// <summary>The coordinators' digest, computed the same way when planned and when sent.</summary>
public sealed class RekapKoordinatorPenyusun(DataPengingat sumber, IPercakapanStore percakapan)
{
    /// <summary>The digest of <paramref name="hariIni"/>, or null when there is nothing to report.</summary>
    public async Task<RekapKoordinatorModel?> SusunAsync(DataKantor data, DateOnly hariIni, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tahun = DataPengingat.TahunSkp(data, hariIni);
        var belumDiajukan = new List<BarisRekap>();
        var belumDisetujui = new List<BarisRekap>();
        if (data.TahunKontrak.Contains(tahun))
        {
            foreach (var p in data.Pegawai)
            {
                var skp = await sumber.SkpAsync(data.KodeKantor, tahun, p.Nip, cancellationToken).ConfigureAwait(false);
                var status = skp?.Status ?? data.CariKontrak(tahun, p.Nip)?.Status;
                var tenggat = TenggatSkp.UntukPegawai(tahun, p, sumber.Kalender, data.KodeKantor);
                switch (status)
                {
                    case StatusSkp.Diajukan:
                        var atasan = p.NipAtasan is { } a ? data.CariPegawai(a)?.Nama : null;
                        var sejak = skp is null ? "" : $"sejak {Format.Tanggal(skp.JejakAudit[^1].TanggalLokal)} ({sumber.Kalender.HitungHariKerja(data.KodeKantor, skp.JejakAudit[^1].TanggalLokal, hariIni)} hari kerja)";
                        belumDisetujui.Add(new BarisRekap(p.Nama, $"menunggu {atasan ?? "atasan"} {sejak}".TrimEnd()));
                        break;
                    case StatusSkp.Disetujui:
                        break;
                    default:
                        var keadaan = status switch
                        {
                            StatusSkp.Dikembalikan => "dikembalikan, belum diajukan lagi",
                            StatusSkp.Draft => "draf",
                            _ => "belum ada SKP di data kantor",
                        };
                        belumDiajukan.Add(new BarisRekap(p.Nama, $"{keadaan}; tenggat {Format.Tanggal(tenggat.Tanggal)}"));
                        break;
                }
            }
        }

        // Linked people without a chat yet are reached through the proactive install: not "unreachable", listed apart.
        var jangkauan = await percakapan.DaftarTidakTerjangkauAsync(data.KodeKantor, cancellationToken).ConfigureAwait(false);
        var tidakTerjangkau = jangkauan.Where(t => t.Keadaan != KeadaanJangkauan.BelumAdaPercakapan).Select(t => new BarisRekap(t.Nama, Alasan(t))).ToList();
        var belumChat = jangkauan.Where(t => t.Keadaan == KeadaanJangkauan.BelumAdaPercakapan)
            .Select(t => new BarisRekap(t.Nama, "terhubung, belum pernah chat; dihubungi lewat pemasangan otomatis")).ToList();
        var ditahan = RingkasanDitahan(data, hariIni);
        // In January, until the year's contracts are imported, nobody can submit: that is the news, not "nobody is late".
        var belumDimuat = hariIni.Month == 1 ? sumber.KontrakBelumDimuat(data, tahun, hariIni) : null;
        if (belumDimuat is null && belumDiajukan.Count + belumDisetujui.Count + tidakTerjangkau.Count + (ditahan?.Orang.Count ?? 0) == 0)
        {
            return null;
        }

        return new RekapKoordinatorModel(data.UnitInduk?.Nama ?? data.KodeKantor, tahun, hariIni, TenggatSkp.Untuk(tahun).Tanggal,
            belumDiajukan, belumDisetujui, tidakTerjangkau) { BelumPernahChat = belumChat, RingkasanDitahan = ditahan, KontrakBelumDimuat = belumDimuat };
    }

    /// <summary>Before the cut-off of the open quarter: whose score summary waits for their data, and why.</summary>
    private RingkasanNilaiDitahan? RingkasanDitahan(DataKantor data, DateOnly hariIni)
    {
        var keadaan = KeadaanRingkasanNilai.Hitung(data, hariIni, sumber.Penilai, sumber.Options);
        if (keadaan.LewatBatas)
        {
            return null;
        }

        var orang = data.Pegawai.Where(p => keadaan.Nilai.ContainsKey(p.Nip) && !keadaan.Final(p.Nip))
            .Select(p => new BarisRekap(p.Nama, KeadaanRingkasanNilai.Alasan(keadaan.Nilai[p.Nip]))).ToList();
        return orang.Count == 0 ? null : new RingkasanNilaiDitahan(keadaan.Periode.Label, keadaan.BatasSementara, orang);
    }

    private static string Alasan(PegawaiTidakTerjangkau t) => t.Keadaan switch
    {
        KeadaanJangkauan.BelumTerkait => "belum terhubung dengan akun Teams",
        KeadaanJangkauan.BelumAdaPercakapan => "belum pernah chat dengan KinerjaBot",
        KeadaanJangkauan.AplikasiDihapus => "aplikasi KinerjaBot dihapus",
        _ => t.Alasan switch
        {
            AlasanTidakTerjangkau.DiblokirPengguna => "memblokir KinerjaBot",
            AlasanTidakTerjangkau.DinonaktifkanAdmin => "aplikasi dinonaktifkan admin",
            AlasanTidakTerjangkau.BotTidakTerpasang => "KinerjaBot tidak terpasang",
            _ => $"ditolak Teams ({t.KodeGalat ?? "tanpa kode"})",
        },
    };
}

/// <summary>
/// The agenda about one person in a DKI or DKO prompt. <see cref="AgendaDialogKinerja"/> writes it with the dialog
/// domain (<see cref="PenyusunAgenda"/>), so the prompt lists what the leader's <c>dialog</c> card will list.
/// </summary>
public interface IAgendaDialog
{
    /// <param name="data">The office's scoring data.</param>
    /// <param name="pimpinan">The leader the prompt goes to.</param>
    /// <param name="orang">The person the agenda is about: a direct report (DKI), or in a DKO the leader (the unit's agenda) or one of the unit heads below.</param>
    /// <param name="periode">The latest period with realisations; null: nothing to score yet.</param>
    /// <param name="organisasi">A DKO prompt.</param>
    /// <param name="hariIni">The office's local date.</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    Task<AgendaPegawai> SusunAsync(DataKantor data, Pegawai pimpinan, Pegawai orang, Periode? periode, bool organisasi, DateOnly hariIni, CancellationToken cancellationToken);
}

/// <summary>
/// The agenda of a prompt from the dialog domain (issue 5, domain.md §8): for a direct report the DKI agenda (IKU below
/// 100 red first with target, realisation and gap, missing realisations, the SKP's state and deadline, open or overdue
/// follow-ups of that DKI series); for the DKO the unit's agenda (its IKU, follow-ups, strategic objectives below 100,
/// the head's strategic initiatives of the year, the NKO trend) about the leader and the IKU part about each unit head below.
/// </summary>
public sealed class AgendaDialogKinerja(PenyusunAgenda penyusun, Penilai penilai, IDialogStore dialog, IKontrakStore kontrak, IKalenderKerja kalender) : IAgendaDialog
{
    public async Task<AgendaPegawai> SusunAsync(DataKantor data, Pegawai pimpinan, Pegawai orang, Periode? periode, bool organisasi, DateOnly hariIni,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pimpinan);
        ArgumentNullException.ThrowIfNull(orang);
        if (periode is not { } p || data.CariKontrak(p.Tahun, orang.Nip) is null)
        {
            return new AgendaPegawai(orang.Nama, orang.Jabatan, [], []);
        }

        var tindakLanjut = await dialog.DaftarTindakLanjutAsync(data.KodeKantor, hanyaTerbuka: true, cancellationToken).ConfigureAwait(false);
        AgendaDialog agenda;
        var hanyaIku = false;
        if (organisasi && orang.Nip == pimpinan.Nip && data.CariUnit(pimpinan.KodeUnit) is { } unit && penilai.Nko(data, unit, p) is not null)
        {
            agenda = penyusun.Dko(data, unit, p, data.InisiatifUnit(unit.Kode, p.Tahun), tindakLanjut, hariIni);
        }
        else if (orang.NipAtasan == pimpinan.Nip)
        {
            var skp = organisasi ? [] : await KeadaanSkpPegawai.MuatAsync(kontrak, kalender, data, orang, hariIni, cancellationToken).ConfigureAwait(false);
            agenda = penyusun.Dki(data, pimpinan, orang, p, skp, tindakLanjut, hariIni);
            hanyaIku = organisasi;
        }
        else
        {
            return new AgendaPegawai(orang.Nama, orang.Jabatan, [], []);
        }

        var dibawah = agenda.Item.Where(i => i.Jenis is JenisItemAgenda.IkuMerah or JenisItemAgenda.IkuKuning)
            .Select(i => new AgendaIku(i.KodeIku!, NamaIku(i), i.Target, i.Realisasi, i.IndeksCapaian)).ToList();
        var belum = agenda.Item.Where(i => i.Jenis == JenisItemAgenda.RealisasiBelumAda)
            .Select(i => new AgendaIku(i.KodeIku!, NamaIku(i), null, null, null)).ToList();
        var lain = hanyaIku
            ? []
            : agenda.Item.Where(i => i.Jenis is not (JenisItemAgenda.IkuMerah or JenisItemAgenda.IkuKuning or JenisItemAgenda.RealisasiBelumAda))
                .Select(i => new AgendaLain(i.Judul, i.Alasan)).ToList();
        return new AgendaPegawai(orang.Nama, orang.Jabatan, dibawah, belum) { Lainnya = lain };
    }

    // The item's title is "IKU {kode} {nama}"; the card prints the code itself.
    private static string NamaIku(ItemAgenda item) =>
        item.Judul.StartsWith($"IKU {item.KodeIku} ", StringComparison.Ordinal) ? item.Judul[($"IKU {item.KodeIku} ").Length..] : item.Judul;
}

/// <summary>
/// The models of the score cards, shared by <c>nilai tim</c> in the bot and the summaries sent when a period is final,
/// with the same scoring as <c>NilaiSayaHandler</c> (<see cref="Penilai"/> on <see cref="DataPenilaian"/>).
/// </summary>
public sealed class KartuNilai(Penilai penilai)
{
    /// <summary>The whole office but the coordinator, for <c>nilai tim kantor</c>.</summary>
    public NilaiTimModel Kantor(DataKantor data, Pegawai koordinator, Periode periode)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(koordinator);
        var semua = data.Pegawai.Where(p => p.Nip != koordinator.Nip && data.CariKontrak(periode.Tahun, p.Nip) is not null);
        var nama = data.UnitInduk?.Nama ?? data.KodeKantor;
        return new NilaiTimModel($"{koordinator.Nama} · {nama}", periode, [.. semua.Select(p => penilai.NilaiPegawai(data, p, periode))], penilai.Kebijakan, SeluruhKantor: true);
    }

    public NilaiTimModel? Tim(DataKantor data, Pegawai pimpinan, Periode periode)
    {
        ArgumentNullException.ThrowIfNull(pimpinan);
        var tim = DataPengingat.Tim(data, pimpinan.Nip).Where(p => data.CariKontrak(periode.Tahun, p.Nip) is not null).ToList();
        return tim.Count == 0 && data.Bawahan(pimpinan.Nip).Count == 0
            ? null
            : new NilaiTimModel(pimpinan.Nama, periode, [.. tim.Select(p => penilai.NilaiPegawai(data, p, periode))], penilai.Kebijakan);
    }

    public NilaiSayaModel? Saya(DataKantor data, Pegawai pegawai, Periode periode, DateTimeOffset sekarang)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pegawai);
        if (data.CariKontrak(periode.Tahun, pegawai.Nip) is null)
        {
            return null;
        }

        var terakhir = data.PeriodeTerakhirDenganRealisasi(periode.Tahun) ?? periode;
        var tersedia = Enumerable.Range(1, Math.Max(periode.Triwulan, terakhir.Triwulan)).ToList();
        return new NilaiSayaModel(penilai.NilaiPegawai(data, pegawai, periode), penilai.Tren(data, pegawai, periode),
            penilai.NkoKonteks(data, pegawai, periode), penilai.Kebijakan, tersedia, sekarang, data.CariUnit(pegawai.KodeUnit)?.ZonaWaktu);
    }
}

/// <summary>Base of the builders: loads the office and the recipient at send time; null when either is gone.</summary>
public abstract class PenyusunPesanDasar(DataPengingat sumber) : IPenyusunPesan
{
    public abstract string Jenis { get; }

    protected DataPengingat Sumber => sumber;

    public async Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        var data = await sumber.MuatAsync(kunci.KodeKantor, cancellationToken).ConfigureAwait(false);
        return data?.CariPegawai(kunci.Penerima) is { } penerima
            ? await SusunAsync(kunci, data, penerima, DataPengingat.HariIni(data, sekarang), sekarang, cancellationToken).ConfigureAwait(false)
            : null;
    }

    protected abstract Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken);

    protected static PesanTerjadwal Pesan(AdaptiveCard kartu, bool bisaDitunda) => new(kartu, kartu.FallbackText ?? "", bisaDitunda);
}

public sealed class PenyusunPengingatSkp(DataPengingat sumber) : PenyusunPesanDasar(sumber)
{
    public override string Jenis => JenisPengiriman.PengingatSkp;

    protected override async Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        if (!Kurun.TryHMinus(kunci.Kurun, out var tahun, out _))
        {
            return null;
        }

        var status = await Sumber.StatusAsync(data, tahun, penerima.Nip, cancellationToken).ConfigureAwait(false);
        var tenggat = TenggatSkp.UntukPegawai(tahun, penerima, Sumber.Kalender, kunci.KodeKantor);
        if (DataPengingat.SudahDiajukan(status) || tenggat.SisaHari(hariIni) < 0)
        {
            return null;
        }

        return Pesan(PengingatSkpCard.Render(new PengingatSkpModel(penerima.Nama, tahun, tenggat.Tanggal, tenggat.SisaHari(hariIni), status == StatusSkp.Dikembalikan)), true);
    }
}

/// <summary>
/// To a coordinator, H-n before 31 January, while the office has no contract of the year: skipped once the contracts
/// are imported, once the deadline has passed (a snoozed alert), or when the recipient is no longer a coordinator.
/// </summary>
public sealed class PenyusunKontrakBelumDimuat(DataPengingat sumber) : PenyusunPesanDasar(sumber)
{
    public override string Jenis => JenisPengiriman.KontrakBelumDimuat;

    protected override Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        if (!Kurun.TryHMinus(kunci.Kurun, out var tahun, out _) || hariIni > TenggatSkp.Untuk(tahun).Tanggal
            || !Sumber.Koordinator(data).Any(k => k.Nip == penerima.Nip) || Sumber.KontrakBelumDimuat(data, tahun, hariIni) is not { } keadaan)
        {
            return Task.FromResult<PesanTerjadwal?>(null);
        }

        return Task.FromResult<PesanTerjadwal?>(Pesan(KontrakBelumDimuatCard.Render(new PengingatKontrakBelumDimuatModel(penerima.Nama, keadaan)), true));
    }
}

/// <summary>The nudge to the approver and the escalation to their supervisor: skipped once the version is decided.</summary>
public sealed class PenyusunPersetujuanSkp(DataPengingat sumber, bool eskalasi) : PenyusunPesanDasar(sumber)
{
    public override string Jenis => eskalasi ? JenisPengiriman.EskalasiSkp : JenisPengiriman.PersetujuanSkp;

    protected override async Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        if (!Kurun.TryVersi(kunci.Kurun, out var tahun, out var nip, out var versi) || data.CariPegawai(nip) is not { } pemilik)
        {
            return null;
        }

        var skp = await Sumber.SkpAsync(kunci.KodeKantor, tahun, nip, cancellationToken).ConfigureAwait(false);
        if (skp is not { Status: StatusSkp.Diajukan } || skp.VersiTerakhir.Nomor != versi)
        {
            return null;
        }

        var diajukan = skp.JejakAudit[^1].TanggalLokal;
        var penyetuju = eskalasi && pemilik.NipAtasan is { } a ? data.CariPegawai(a) : null;
        // The organisation may have changed since planning: only the current approver (or their supervisor) is asked.
        var penerimaSekarang = eskalasi ? penyetuju?.NipAtasan : pemilik.NipAtasan;
        if ((eskalasi && penyetuju is null) || penerimaSekarang != penerima.Nip)
        {
            return null;
        }

        var model = new PengingatPersetujuanModel(penerima.Nama, pemilik, tahun, versi, diajukan,
            Sumber.Kalender.HitungHariKerja(kunci.KodeKantor, diajukan, hariIni), penyetuju);
        return Pesan(PengingatPersetujuanCard.Render(model), true);
    }
}

public sealed class PenyusunRekapKoordinator(DataPengingat sumber, RekapKoordinatorPenyusun rekap) : PenyusunPesanDasar(sumber)
{
    public override string Jenis => JenisPengiriman.RekapKoordinator;

    protected override async Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken) =>
        await rekap.SusunAsync(data, hariIni, cancellationToken).ConfigureAwait(false) is { } model ? Pesan(RekapKoordinatorCard.Render(model), false) : null;
}

public sealed class PenyusunPengingatRealisasi(DataPengingat sumber) : PenyusunPesanDasar(sumber)
{
    public override string Jenis => JenisPengiriman.PengingatRealisasi;

    protected override Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        if (!Kurun.TryTriwulan(kunci.Kurun, out var periode))
        {
            return Task.FromResult<PesanTerjadwal?>(null);
        }

        var iku = PerencanaPengingatRealisasi.TanpaRealisasi(data.CariKontrak(periode.Tahun, penerima.Nip), periode.Triwulan);
        var batas = periode.AkhirTriwulan.AddDays(Sumber.Options.HariIsiRealisasi);
        // A reminder snoozed (Ingatkan besok) past the realisation window is not sent: its deadline is gone.
        return Task.FromResult(iku.Count == 0 || hariIni > batas ? null : (PesanTerjadwal?)Pesan(PengingatRealisasiCard.Render(
            new PengingatRealisasiModel(penerima.Nama, periode.Label, batas, [.. iku.Select(i => new IkuTanpaRealisasi(i.Kode, i.Nama))])), true));
    }
}

/// <summary>The DKI prompt (a month) or the DKO prompt (a quarter), with the agenda of <see cref="IAgendaDialog"/>.</summary>
public sealed class PenyusunAjakanDialog(DataPengingat sumber, IAgendaDialog agenda, bool organisasi) : PenyusunPesanDasar(sumber)
{
    private static readonly string[] NamaBulan =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public override string Jenis => organisasi ? JenisPengiriman.AjakanDko : JenisPengiriman.AjakanDki;

    protected override async Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        string label;
        IReadOnlyList<Pegawai> orang;
        if (organisasi)
        {
            if (!Kurun.TryTriwulan(kunci.Kurun, out var tw) || !Sumber.Penilai.PemilikPetaStrategi(penerima, data))
            {
                return null;
            }

            label = tw.Label;
            orang = [penerima, .. data.Bawahan(penerima.Nip).Where(b => b.KepalaUnit)];
        }
        else
        {
            if (!Kurun.TryBulan(kunci.Kurun, out var tahun, out var bulan) || data.Bawahan(penerima.Nip) is not { Count: > 0 } bawahan)
            {
                return null;
            }

            label = $"{NamaBulan[bulan - 1]} {KartuTahun(tahun)}";
            orang = bawahan;
        }

        var periode = data.PeriodeTerakhirDenganRealisasi(hariIni.Year) ?? data.PeriodeTerakhirDenganRealisasi();
        var agendaOrang = new List<AgendaPegawai>();
        foreach (var o in orang)
        {
            agendaOrang.Add(await agenda.SusunAsync(data, penerima, o, periode, organisasi, hariIni, cancellationToken).ConfigureAwait(false));
        }

        var model = new AjakanDialogModel(organisasi, penerima.Nama, label, periode?.Label, agendaOrang);
        return Pesan(AjakanDialogCard.Render(model), true);
    }

    private static string KartuTahun(int tahun) => tahun.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The score summaries: the employee's "nilai saya" card, or the leader's team card. A final summary goes only while the
/// scores on it are final; a provisional one (<c>…-sementara</c>, after the cut-off) only while they are not — once
/// they are, the final one is planned instead. Both cards show which scores are still <i>sementara</i> and why.
/// </summary>
public sealed class PenyusunRingkasanNilai(DataPengingat sumber, KartuNilai kartu, bool tim) : PenyusunPesanDasar(sumber)
{
    public override string Jenis => tim ? JenisPengiriman.RingkasanTim : JenisPengiriman.RingkasanNilai;

    protected override Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DataKantor data, Pegawai penerima, DateOnly hariIni, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        PesanTerjadwal? pesan = null;
        if (Kurun.TryTriwulanRingkasan(kunci.Kurun, out var periode, out var sementara))
        {
            if (tim && kartu.Tim(data, penerima, periode) is { } mTim && mTim.Anggota.All(a => a.Status == StatusNilai.Final) != sementara)
            {
                pesan = Pesan(NilaiTimCard.Render(mTim), false);
            }
            else if (!tim && kartu.Saya(data, penerima, periode, sekarang) is { } mSaya && (mSaya.Hasil.Status == StatusNilai.Final) != sementara)
            {
                pesan = Pesan(NilaiSayaCard.Render(mSaya), false);
            }
        }

        return Task.FromResult(pesan);
    }
}
