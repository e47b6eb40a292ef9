using Kinerja.Cards;
using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Pengiriman;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Penjadwalan;

/// <summary>
/// The test message of the delivery engine (kind <see cref="Jenis"/>): a short card saying it is a delivery test.
/// Only with <c>Kinerja:Pengiriman:PesanUji = true</c> — for the load and crash benchmarks and a deployment's smoke test of
/// the whole path (ledger, Hangfire, connector) without sending anyone a real reminder; otherwise every test delivery is
/// skipped (<see cref="StatusPengiriman.Dilewati"/>).
/// </summary>
public sealed class PenyusunPesanUji(IOptions<PengirimanOptions> options) : IPenyusunPesan
{
    public const string JenisUji = "uji-pengiriman";

    public string Jenis => JenisUji;

    public Task<PesanTerjadwal?> SusunAsync(KunciPengiriman kunci, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        if (!options.Value.PesanUji)
        {
            return Task.FromResult<PesanTerjadwal?>(null);
        }

        var kartu = new AdaptiveCard
        {
            FallbackText = "Pesan uji pengiriman KinerjaBot",
            Body =
            [
                new TextBlock("Pesan uji pengiriman KinerjaBot") { Wrap = true, Size = TextSize.Medium, Weight = TextWeight.Bolder },
                new TextBlock($"Uji {kunci.Kurun} untuk NIP {kunci.Penerima.Value}. Pesan ini tidak memerlukan tindakan.") { Wrap = true },
            ],
        };
        return Task.FromResult<PesanTerjadwal?>(new PesanTerjadwal(kartu, "Pesan uji pengiriman KinerjaBot", BisaDitunda: true));
    }
}
