using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace Kinerja.Domain.Dialog;

/// <summary>
/// The SKP states a DKI discusses — this year's and next year's contract of the report, from the approval workflow,
/// each with the personal deadline the reminders and the SKP card use (<see cref="TenggatSkp.UntukPegawai"/>) — read
/// once here so the <c>dialog</c> command and the monthly DKI prompt put the same SKP item on the agenda.
/// </summary>
public static class KeadaanSkpPegawai
{
    public static async Task<IReadOnlyList<KeadaanSkp>> MuatAsync(IKontrakStore kontrak, IKalenderKerja kalender, DataKantor data, Pegawai pegawai,
        DateOnly hariIni, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kontrak);
        ArgumentNullException.ThrowIfNull(kalender);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pegawai);
        var hasil = new List<KeadaanSkp>();
        foreach (var tahun in new[] { hariIni.Year, hariIni.Year + 1 })
        {
            if (data.CariKontrak(tahun, pegawai.Nip) is not { } k)
            {
                continue;
            }

            var alur = await kontrak.MuatAsync(new KunciSkp(data.KodeKantor, tahun, pegawai.Nip), cancellationToken).ConfigureAwait(false);
            hasil.Add(new KeadaanSkp(tahun, alur?.Status ?? k.Status, TenggatSkp.UntukPegawai(tahun, pegawai, kalender, data.KodeKantor)));
        }

        return hasil;
    }
}
