using Kinerja.Cards;
using Kinerja.Domain.Organisasi;
using KinerjaBot.Penjadwalan;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Handlers;

/// <summary>
/// <c>dasbor jadwal</c>: a coordinator or administrator (<see cref="AksesDasbor"/>) gets a single-use, short-lived link
/// that opens the Hangfire dashboard in a browser (<see cref="TautanDasbor"/>), made for the sender of the authenticated
/// activity (their Entra ID object id, office and NIP as the resolver found them), never for anyone the text names.
/// </summary>
public sealed class DasborHandler(AksesDasbor akses, TautanDasbor tautan, IOptions<PenjadwalanOptions> options)
{
    public const string PesanBukanKoordinator = DasborHangfire.PesanBukanKoordinator;
    public const string PesanTidakAktif = "Dasbor jadwal tidak diaktifkan di server KinerjaBot ini. Hubungi pengelola KinerjaBot bila Anda memerlukannya.";
    public const string PesanTanpaAlamat = "Tautan dasbor jadwal belum dapat dibuat karena alamat publik KinerjaBot belum diatur. Hubungi pengelola KinerjaBot.";

    /// <param name="oid">The activity's <c>from.aadObjectId</c>.</param>
    /// <param name="identitas">The employee behind it, when they are one.</param>
    /// <param name="cancellationToken">The turn's.</param>
    public async Task<JawabanPengiriman> TautanAsync(string? oid, IdentitasPengguna? identitas, CancellationToken cancellationToken)
    {
        if (oid is not { Length: > 0 })
        {
            return new JawabanPengiriman(null, PesanBukanKoordinator);
        }

        var (peran, data) = await akses.PeriksaAsync(oid, identitas?.KodeKantor, identitas?.Nip, cancellationToken);
        if (peran == PeranDasbor.Tidak)
        {
            return new JawabanPengiriman(null, PesanBukanKoordinator);
        }

        var o = options.Value.Dasbor;
        if (!o.Aktif)
        {
            return new JawabanPengiriman(null, PesanTidakAktif);
        }

        if (tautan.Buat(oid, identitas?.KodeKantor, identitas?.Nip) is not { } t)
        {
            return new JawabanPengiriman(null, PesanTanpaAlamat);
        }

        var unit = identitas is not null && data?.CariPegawai(identitas.Nip) is { } p ? data.CariUnit(p.KodeUnit) : null;
        var zona = unit?.ZonaWaktu ?? data?.UnitInduk?.ZonaWaktu ?? ZonaWaktu.Wib;
        return new JawabanPengiriman(DasborJadwalCard.Render(t.Url, t.BerlakuSampai, zona, peran != PeranDasbor.Administrator, o.MasaSesi), null);
    }
}
