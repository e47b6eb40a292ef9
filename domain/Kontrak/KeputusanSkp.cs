using Kinerja.Domain.Ports;

namespace Kinerja.Domain.Kontrak;

/// <summary>
/// Load → decide → save, with the race settled by the store's revision check: when another writer moved the contract
/// first, the same decision is applied again to the state the conflict carries, which answers with that outcome
/// (<see cref="JenisHasilKeputusan.SudahDiputuskan"/>) or refuses (<see cref="JenisHasilKeputusan.VersiUsang"/>).
/// Exactly one of many concurrent decisions on a version becomes a transition.
/// </summary>
public static class KeputusanSkp
{
    private const int MaksimalPercobaan = 5;

    /// <summary>Runs <paramref name="putuskan"/> (which authorizes again each time: the state may have changed) until it is saved or answered.</summary>
    public static async Task<HasilKeputusan> PutuskanAsync(IKontrakStore store, KunciSkp kunci, Func<PersetujuanSkp, HasilKeputusan> putuskan,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(putuskan);
        var skp = await store.MuatAsync(kunci, cancellationToken).ConfigureAwait(false)
                  ?? throw new DomainException($"SKP {kunci} belum ada");
        for (var percobaan = 1; ; percobaan++)
        {
            var hasil = putuskan(skp);
            if (!hasil.Berhasil)
            {
                return hasil;
            }

            var simpan = await store.SimpanAsync(skp, cancellationToken).ConfigureAwait(false);
            if (simpan.Tersimpan)
            {
                return hasil;
            }

            if (percobaan >= MaksimalPercobaan)
            {
                throw new DomainException($"SKP {kunci} terus diubah bersamaan; coba lagi sebentar lagi");
            }

            skp = simpan.Sekarang;
        }
    }
}
