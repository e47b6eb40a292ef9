using Kinerja.Domain.Ports;
using KinerjaBot.Import;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>
/// Loads the demo office (KPPN Metro) into an empty store when the host starts, so that a newcomer can chat
/// "nilai saya" right away. Off unless <c>Kinerja:Demo:MuatSaatKosong</c> (on in Development). The start waits for
/// it: a first message must find the office there.
/// </summary>
public sealed partial class DemoSeeder(
    IOptions<KinerjaOptions> options,
    IKantorStore store,
    KantorImporter importer,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value.Demo;
        if (!demo.MuatSaatKosong)
        {
            return;
        }

        var kantor = await store.DaftarKantorAsync(cancellationToken);
        if (kantor.Count > 0)
        {
            Log.Skipped(logger, string.Join(", ", kantor));
            return;
        }

        var hasil = await importer.ImporAsync(KinerjaOptionsValidator.ResolveApp(demo.Data), cancellationToken);
        Log.Loaded(logger, hasil.KodeKantor, hasil.JumlahPegawai);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Demo office {Kantor} loaded ({Pegawai} employees)")]
        public static partial void Loaded(ILogger logger, string kantor, int pegawai);

        [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "Store already holds {Kantor}: demo office not loaded")]
        public static partial void Skipped(ILogger logger, string kantor);
    }
}
