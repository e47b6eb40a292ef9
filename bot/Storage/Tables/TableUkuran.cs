using System.Globalization;
using Azure.Data.Tables;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// The size limits of Azure Tables, checked before a write (docs/storage.md "Limits"): a string property holds at most
/// 64 KiB (32,768 UTF-16 characters; we stop one short) and an entity at most 1 MiB. The service answers an oversize
/// value with a bare 400 (<c>PropertyValueTooLarge</c>, <c>EntityTooLarge</c>) that names nothing; this guard refuses
/// the entity before it is sent, naming the table, the keys and the property. The domain caps every value a user or an
/// import can make long (notes, descriptions, participants, imported cells), so hitting this guard is a bug or a value
/// the domain forgot to cap — never a user's typo. Every Tables adapter calls <see cref="Periksa"/> on what it writes.
/// </summary>
public static class TableUkuran
{
    /// <summary>The longest string property accepted, in UTF-16 characters (64 KiB is 32,768; one kept as margin).</summary>
    public const int TeksMaksimal = 32_767;

    /// <summary>The largest entity accepted, estimated as the service counts it (1 MiB, a little kept as margin).</summary>
    public const int EntitasMaksimalByte = 1_000_000;

    /// <summary>Throws <see cref="EntitasTerlaluBesarException"/> when <paramref name="entitas"/> cannot be stored in <paramref name="tabel"/>.</summary>
    public static void Periksa(string tabel, TableEntity entitas)
    {
        ArgumentNullException.ThrowIfNull(entitas);
        // Per property: its name (UTF-16) + 8 bytes, plus the value (strings and binary as stored, others 8 bytes); the keys twice their length.
        long ukuran = 4 + ((entitas.PartitionKey?.Length ?? 0) + (entitas.RowKey?.Length ?? 0)) * 2;
        foreach (var (nama, nilai) in entitas)
        {
            if (nama is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            if (nilai is string s && s.Length > TeksMaksimal)
            {
                throw new EntitasTerlaluBesarException(tabel, entitas.PartitionKey ?? "", entitas.RowKey ?? "", nama, s.Length,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Azure Tables cannot store {tabel} ({entitas.PartitionKey}, {entitas.RowKey}): property '{nama}' holds {s.Length:N0} characters, "
                        + $"over the {TeksMaksimal:N0} a string property may hold (64 KiB). Cap the value in the domain."));
            }

            if (nilai is byte[] b && b.Length > TeksMaksimal * 2)
            {
                throw new EntitasTerlaluBesarException(tabel, entitas.PartitionKey ?? "", entitas.RowKey ?? "", nama, b.Length,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Azure Tables cannot store {tabel} ({entitas.PartitionKey}, {entitas.RowKey}): property '{nama}' holds {b.Length:N0} bytes, over 64 KiB."));
            }

            ukuran += 8 + (nama.Length * 2) + nilai switch
            {
                string t => (t.Length * 2) + 4,
                byte[] d => d.Length + 4,
                _ => 8,
            };
        }

        if (ukuran > EntitasMaksimalByte)
        {
            throw new EntitasTerlaluBesarException(tabel, entitas.PartitionKey ?? "", entitas.RowKey ?? "", null, ukuran,
                string.Create(CultureInfo.InvariantCulture,
                    $"Azure Tables cannot store {tabel} ({entitas.PartitionKey}, {entitas.RowKey}): about {ukuran:N0} bytes, over the 1 MiB an entity may hold."));
        }
    }
}

/// <summary>An entity the Azure Tables service would refuse for its size (<see cref="TableUkuran"/>): nothing was sent.</summary>
public sealed class EntitasTerlaluBesarException : InvalidOperationException
{
    public EntitasTerlaluBesarException(string tabel, string partitionKey, string rowKey, string? properti, long ukuran, string message)
        : base(message)
    {
        Tabel = tabel;
        PartitionKey = partitionKey;
        RowKey = rowKey;
        Properti = properti;
        Ukuran = ukuran;
    }

    public EntitasTerlaluBesarException()
        : this("", "", "", null, 0, "Entity too large for Azure Tables.")
    {
    }

    public EntitasTerlaluBesarException(string message)
        : this("", "", "", null, 0, message)
    {
    }

    public EntitasTerlaluBesarException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tabel = PartitionKey = RowKey = "";
    }

    /// <summary>The table (without prefix): Kantor, Kontrak, Pengiriman, …</summary>
    public string Tabel { get; }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The oversize property; null when the entity as a whole is too large.</summary>
    public string? Properti { get; }

    /// <summary>Characters of the property, or estimated bytes of the entity.</summary>
    public long Ukuran { get; }
}
