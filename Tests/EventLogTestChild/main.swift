// A child process for the event log's crash and multi-process tests. Not part of the library.
//
//   eventlog-test-child append DIR          append one event at a time forever, printing "ack N"
//                                           after each durable append (killed by the parent)
//   eventlog-test-child open-writer DIR     try to open DIR for writing; print the outcome
//   eventlog-test-child hold-read DIR       hold a read transaction open until killed
//   eventlog-test-child read DIR UNTIL      open read-only, re-read and verify the whole log until its
//                                           head reaches UNTIL; print "head N" per pass, then "done N"
import ComplaintLMDB
import EventLog
import Foundation

/// Writes a line to stdout at once (unbuffered), so the parent sees every acknowledgement.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: eventlog-test-child append|open-writer|read DIR [UNTIL]\n".utf8))
    exit(64)
}
let directory = arguments[2]

func fail(_ message: String) -> Never {
    say("error \(message)")
    exit(1)
}

switch arguments[1] {
case "append":
    let log: EventLog
    do { log = try EventLog.open(directory: directory, configuration: .init(mapSize: 1 << 20)) } catch { fail("\(error)") }
    var index = 0
    while true {
        index += 1
        let payload = Array("payload-\(index)-".utf8) + [UInt8](repeating: UInt8(index % 251), count: index % 3000)
        let request = AppendRequest(
            commandID: "child-\(index)", stream: "stream-\(index % 7)", kind: "test",
            events: [ProposedEvent(type: "ChildAppended", actor: EventActor(id: "child", role: "test"), payload: payload)])
        do {
            let result = try await log.append(request)
            say("ack \(result.positions!.upperBound)")
        } catch {
            fail("\(error)")
        }
    }
case "open-writer":
    say(openWriter(directory))
case "read":
    guard arguments.count >= 4, let until = UInt64(arguments[3]) else { fail("read needs UNTIL") }
    let log: EventLog
    do { log = try EventLog.open(directory: directory, configuration: .readOnly) } catch { fail("\(error)") }
    var passes = 0
    while true {
        do {
            let report = try log.verify()
            guard report.isIntact else { fail("verify: \(report)") }
            var position: UInt64 = 1
            var count: UInt64 = 0
            while true {
                let batch = try log.read(from: position, limit: 500)
                guard let last = batch.last else { break }
                count += UInt64(batch.count)
                position = last.position + 1
            }
            guard count >= report.through else { fail("read \(count) events, verified \(report.through)") }
            passes += 1
            say("head \(report.through)")
            if report.through >= until {
                say("done \(report.through) passes \(passes) mapsize \(log.environment.mapSize)")
                exit(0)
            }
        } catch {
            fail("\(error)")
        }
    }
case "hold-read":
    // Opens read-only, starts a read and never finishes it: killed, it leaves a stale reader slot.
    let log: EventLog
    do { log = try EventLog.open(directory: directory, configuration: .readOnly) } catch { fail("\(error)") }
    do {
        try log.environment.read { _ in
            say("holding")
            while true { _ = readLine() ?? { pause(); return "" }() }
        }
    } catch {
        fail("\(error)")
    }
default:
    fail("unknown command \(arguments[1])")
}

/// Tries to open `directory` for writing; says what happened.
func openWriter(_ directory: String) -> String {
    do {
        let log = try EventLog.open(directory: directory)
        log.close()
        return "opened"
    } catch {
        return "refused \(error.code)"
    }
}
