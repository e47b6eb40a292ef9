using Kinerja.Cards;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Kinerja.Jobs.Pengiriman;

namespace KinerjaBot.Handlers;

/// <summary>A handler's answer: a card, or a sentence.</summary>
public sealed record JawabanPengiriman(AdaptiveCard? Kartu, string? Teks);

/// <summary>
/// The delivery engine's verbs: <i>Ingatkan besok</i> on a scheduled message (only its recipient) and
/// <c>status pengiriman</c> (only the office's coordinators, <see cref="IKoordinatorKantor"/>). Identity is the
/// authenticated sender's, resolved by the caller; card data only names the delivery.
/// </summary>
public sealed class PengirimanHandler(
    IServiceProvider services,
    IBukuPengirimanStore buku,
    IKantorStore kantor,
    IKoordinatorKantor koordinator)
{
    public const string PesanBukanKoordinator = "Status pengiriman hanya dapat dilihat oleh koordinator kinerja kantor. Hubungi pengelola KinerjaBot bila Anda seharusnya terdaftar sebagai koordinator.";
    public const string PesanTundaBelumAktif = "Maaf, *Ingatkan besok* belum dapat dipakai: kalender kerja kantor belum tersedia.";

    /// <summary><i>Ingatkan besok</i> by the person <paramref name="identitas"/>.</summary>
    public async Task<JawabanPengiriman> TundaAsync(IdentitasPengguna identitas, IngatkanBesokData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identitas);
        ArgumentNullException.ThrowIfNull(data);
        // The work calendar comes from the planners' part (IKalenderKerja); without it nothing can be snoozed.
        if (services.GetService<IKalenderKerja>() is null)
        {
            return new JawabanPengiriman(null, PesanTundaBelumAktif);
        }

        var penundaan = ActivatorUtilities.CreateInstance<PenundaanPengiriman>(services);
        return await penundaan.TundaAsync(data.Kunci, identitas.KodeKantor, identitas.Nip, cancellationToken) switch
        {
            HasilTunda.Ditunda d => new JawabanPengiriman(IngatkanBesokCard.Render(d.Kapan, d.Zona), null),
            HasilTunda.Ditolak t => new JawabanPengiriman(null, t.Pesan),
            _ => throw new InvalidOperationException("Hasil penundaan tidak dikenal."),
        };
    }

    /// <summary><c>status pengiriman</c>: the office's runs with their counts and who cannot be reached.</summary>
    public async Task<JawabanPengiriman> StatusAsync(IdentitasPengguna identitas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identitas);
        var data = await kantor.MuatAsync(identitas.KodeKantor, cancellationToken);
        if (data is null || !koordinator.Adalah(data, identitas.Nip))
        {
            return new JawabanPengiriman(null, PesanBukanKoordinator);
        }

        var kemajuan = new List<KemajuanPengiriman>();
        foreach (var r in (await buku.RingkasAsync(identitas.KodeKantor, cancellationToken)).Take(5))
        {
            var bermasalah = new List<PenerimaBermasalah>();
            foreach (var status in (StatusPengiriman[])[StatusPengiriman.TidakTerjangkau, StatusPengiriman.Gagal])
            {
                var halaman = await buku.DaftarAsync(identitas.KodeKantor, r.Jenis, r.Kurun, status, null, StatusPengirimanCard.DaftarMaksimal, cancellationToken);
                bermasalah.AddRange(halaman.Catatan.Select(c => new PenerimaBermasalah(
                    data.CariPegawai(c.Kunci.Penerima)?.Nama ?? "(tidak ada di data kantor)", c.Kunci.Penerima.Value, Keterangan(c))));
            }

            kemajuan.Add(new KemajuanPengiriman(r.Jenis, r.Kurun, r.Total, r.Berstatus(StatusPengiriman.Terkirim), r.Berstatus(StatusPengiriman.TidakTerjangkau),
                r.Berstatus(StatusPengiriman.Gagal), r.MungkinTerkirim, r.Berstatus(StatusPengiriman.Dilewati), r.Berstatus(StatusPengiriman.Direncanakan), bermasalah));
        }

        var nama = data.UnitInduk?.Nama ?? identitas.KodeKantor;
        return new JawabanPengiriman(StatusPengirimanCard.Render(nama, kemajuan), null);
    }

    private static string Keterangan(CatatanPengiriman c) => c switch
    {
        { Status: StatusPengiriman.Gagal, MungkinTerkirim: true } => "mungkin terkirim, tidak dikonfirmasi",
        { Status: StatusPengiriman.Gagal } => "gagal: " + c.Keterangan,
        { Alasan: AlasanTidakTerjangkau.DiblokirPengguna } => "memblokir KinerjaBot",
        { Alasan: AlasanTidakTerjangkau.DinonaktifkanAdmin } => "aplikasi dinonaktifkan admin",
        { Alasan: AlasanTidakTerjangkau.BotTidakTerpasang } => "aplikasi tidak terpasang",
        _ => c.Keterangan ?? "tidak terjangkau",
    };
}
