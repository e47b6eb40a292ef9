using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Ports;
using KinerjaBot.Import;
using KinerjaBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Storage;

/// <summary>The real registration (AddKinerjaStorage + AddKinerjaImport) on a SQLite file in a temp folder.</summary>
public sealed class TestStore : IDisposable
{
    private readonly ServiceProvider _services;

    public TestStore(string dbPath, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? layanan = null)
    {
        DbPath = dbPath;
        var nilai = new Dictionary<string, string?> { ["Kinerja:Storage:SqlitePath"] = dbPath };
        foreach (var (kunci, isi) in extra ?? new Dictionary<string, string?>())
        {
            nilai[kunci] = isi;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(nilai).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        layanan?.Invoke(services);
        _services = services.AddKinerjaStorage(configuration).AddKinerjaImport().BuildServiceProvider();
    }

    public string DbPath { get; }

    /// <summary>The stores' service provider (what <c>store copy</c>'s copiers read and write).</summary>
    public IServiceProvider Layanan => _services;

    public IKantorStore Kantor => _services.GetRequiredService<IKantorStore>();

    public IPenggunaStore Pengguna => _services.GetRequiredService<IPenggunaStore>();

    public IPercakapanStore Percakapan => _services.GetRequiredService<IPercakapanStore>();

    public IKontrakStore Kontrak => _services.GetRequiredService<IKontrakStore>();

    public IKartuSkpStore KartuSkp => _services.GetRequiredService<IKartuSkpStore>();

    public IDialogStore Dialog => _services.GetRequiredService<IDialogStore>();

    public IBukuPengirimanStore BukuPengiriman => _services.GetRequiredService<IBukuPengirimanStore>();

    public KantorImporter Importer => _services.GetRequiredService<KantorImporter>();

    public DataKantorReader Reader => _services.GetRequiredService<DataKantorReader>();

    public DataKantor Baca(string path)
    {
        var hasil = Reader.Read(path);
        Assert.True(hasil.Success, string.Join("\n", hasil.Errors));
        return hasil.Data!;
    }

    public void Dispose() => _services.Dispose();

    /// <summary>Every row of every table, in key order: "row for row" comparisons of the store.</summary>
    public static string DumpDb(string dbPath)
    {
        var sb = new StringBuilder();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            connection.Open();
            var tables = new List<string>();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    tables.Add(r.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                sb.Append("## ").AppendLine(table);
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT * FROM {table};";
                var rows = new List<string>();
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < r.FieldCount; i++)
                    {
                        row.Append(Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                    }

                    rows.Add(row.ToString());
                }

                rows.Sort(StringComparer.Ordinal);
                rows.ForEach(row => sb.AppendLine(row));
            }
        }

        return sb.ToString();
    }

    public static string HashFile(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
