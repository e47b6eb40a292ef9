using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Salin;

/// <summary>
/// <c>store copy</c> of the delivery ledger (<see cref="IBukuPengirimanStore"/>): every row of every office, kind and
/// period, with its outcome, so that after a move nothing already sent is sent again (the ledger is the idempotency
/// key). A row the target lacks is added; one it holds differently is replaced through the ledger's compare-and-set.
/// The version counts writes in one store and is not compared. Copy with the bots stopped: a row in flight is copied
/// with its in-flight mark and is resolved like after a crash.
/// </summary>
public sealed class PenyalinBukuPengiriman : PenyalinStore<CatatanPengiriman>
{
    private const int Halaman = 500;

    private static readonly JsonSerializerOptions SidikJson = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                static info =>
                {
                    if (info.Type == typeof(CatatanPengiriman) && info.Properties.FirstOrDefault(p => p.Name == nameof(CatatanPengiriman.Versi)) is { } versi)
                    {
                        info.Properties.Remove(versi);
                    }
                },
            },
        },
    };

    public override string Port => "buku-pengiriman";

    public override int Urutan => 60;

    protected override async IAsyncEnumerable<CatatanPengiriman> BacaAsync(IServiceProvider store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kantor = store.GetRequiredService<IKantorStore>();
        var buku = store.GetRequiredService<IBukuPengirimanStore>();
        foreach (var kode in await kantor.DaftarKantorAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var r in await buku.RingkasAsync(kode, cancellationToken).ConfigureAwait(false))
            {
                string? lanjutan = null;
                do
                {
                    var halaman = await buku.DaftarAsync(kode, r.Jenis, r.Kurun, null, lanjutan, Halaman, cancellationToken).ConfigureAwait(false);
                    foreach (var c in halaman.Catatan)
                    {
                        yield return c;
                    }

                    lanjutan = halaman.Lanjutan;
                }
                while (lanjutan is not null);
            }
        }
    }

    protected override async Task TulisAsync(IServiceProvider store, CatatanPengiriman item, CancellationToken cancellationToken)
    {
        var buku = store.GetRequiredService<IBukuPengirimanStore>();
        if (await buku.TambahAsync(item with { Versi = 1 }, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (await buku.CariAsync(item.Kunci, cancellationToken).ConfigureAwait(false) is { } ada && Sidik(ada) != Sidik(item))
        {
            await buku.GantiAsync(item with { Versi = ada.Versi + 1 }, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override string Kunci(CatatanPengiriman item) => item.Kunci.ToString();

    protected override string Sidik(CatatanPengiriman item) => JsonSerializer.Serialize(item, SidikJson);

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(CatatanPengiriman item) => [("pengiriman", 1)];

    protected override IEnumerable<string> ContohEntitas() => ["pengiriman"];
}
