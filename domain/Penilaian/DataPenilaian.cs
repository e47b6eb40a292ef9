using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;

namespace Kinerja.Domain.Penilaian;

/// <summary>
/// What scoring reads: the imported office data with the targets in force of approved SKP revisions and adenda
/// (domain.md §7: an adendum changes targets once approved). The imported targets stay as they were in the store; a
/// proposal still waiting for approval changes nothing. "nilai saya" and the recap from the store both read this, so
/// a card and a recap never disagree.
/// </summary>
public sealed class DataPenilaian(IKantorStore kantor, IKontrakStore kontrak)
{
    public async Task<DataKantor?> MuatAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        var data = await kantor.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return null;
        }

        foreach (var tahun in data.TahunKontrak)
        {
            foreach (var alur in await kontrak.DaftarDenganPerubahanTargetAsync(kodeKantor, tahun, cancellationToken).ConfigureAwait(false))
            {
                if (data.CariKontrak(tahun, alur.Kunci.Pemilik) is { } k)
                {
                    TargetSkp.TerapkanBerlaku(k, alur);
                }
            }
        }

        return data;
    }
}
