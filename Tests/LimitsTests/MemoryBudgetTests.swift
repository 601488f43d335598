@testable import Limits
import XCTest

/// The budget's arithmetic on injected readings: the smallest limit minus its usage and reserve binds.
final class MemoryBudgetTests: XCTestCase {
    private let mb = 1 << 20

    func testOnlyAvailableMemoryIsKnown() {
        let readings = MemoryReadings(memAvailable: 1000 * mb)
        XCTAssertEqual(MemoryHeadroom.smallest(readings, reserve: .none), MemoryHeadroom(bytes: 1000 * mb, limit: .available))
        let reserve = LibraryReserve(addressSpace: 0, data: 0, resident: 100 * mb)
        XCTAssertEqual(MemoryHeadroom.smallest(readings, reserve: reserve)?.bytes, 900 * mb)
    }

    func testAddressSpaceLimitBindsMinusVmSizeAndReserve() {
        let readings = MemoryReadings(memAvailable: 20_000 * mb, addressSpaceLimit: 600 * mb, addressSpaceUsed: 150 * mb,
                                      residentUsed: 40 * mb)
        let reserve = LibraryReserve(addressSpace: 176 * mb, data: 0, resident: 48 * mb)
        XCTAssertEqual(MemoryHeadroom.smallest(readings, reserve: reserve),
                       MemoryHeadroom(bytes: 274 * mb, limit: .addressSpace))
    }

    func testDataLimitCountsVmData() {
        let readings = MemoryReadings(memAvailable: 20_000 * mb, addressSpaceLimit: 4000 * mb, dataLimit: 500 * mb,
                                      addressSpaceUsed: 300 * mb, dataUsed: 200 * mb)
        XCTAssertEqual(MemoryHeadroom.smallest(readings, reserve: .none), MemoryHeadroom(bytes: 300 * mb, limit: .dataSegment))
    }

    func testCgroupLimitUsesItsCurrentElseRSS() {
        var readings = MemoryReadings(memAvailable: 20_000 * mb, cgroupLimit: 1000 * mb, residentUsed: 100 * mb,
                                      cgroupUsed: 700 * mb)
        XCTAssertEqual(MemoryHeadroom.smallest(readings, reserve: .none), MemoryHeadroom(bytes: 300 * mb, limit: .cgroup))
        readings.cgroupUsed = nil
        XCTAssertEqual(MemoryHeadroom.smallest(readings, reserve: .none), MemoryHeadroom(bytes: 900 * mb, limit: .cgroup))
    }

    func testUsageOrReserveAboveTheLimitLeavesNothing() {
        let readings = MemoryReadings(addressSpaceLimit: 100 * mb, addressSpaceUsed: 150 * mb)
        XCTAssertEqual(MemoryHeadroom.smallest(readings, reserve: .none), MemoryHeadroom(bytes: 0, limit: .addressSpace))
        let reserved = MemoryReadings(addressSpaceLimit: 100 * mb, addressSpaceUsed: 10 * mb)
        let reserve = LibraryReserve(addressSpace: 128 * mb, data: 0, resident: 0)
        XCTAssertEqual(MemoryHeadroom.smallest(reserved, reserve: reserve)?.bytes, 0)
    }

    func testNoLimitKnownMeansNoRefusal() {
        XCTAssertNil(MemoryHeadroom.smallest(MemoryReadings(), reserve: .none))
        XCTAssertNil(MemoryBudget.refusal(bytes: Int.max, room: nil))
        XCTAssertNotNil(MemoryBudget.refusal(bytes: nil, room: nil), "an overflowed size never fits")
    }

    func testRefusalNamesTheBindingLimit() {
        let room = MemoryHeadroom(bytes: 412 * mb, limit: .addressSpace)
        XCTAssertNil(MemoryBudget.refusal(bytes: 412 * mb, room: room))
        XCTAssertEqual(MemoryBudget.refusal(bytes: 412 * mb + 1, room: room), room)
        let error = MemoryBudgetError.modelTooLarge(what: "model's weights", neededBytes: 1 << 30, availableBytes: 412 * mb,
                                                 limit: .addressSpace)
        XCTAssertEqual(error.description, "The model's weights needs 1.0 GB but the address-space limit (ulimit -v) leaves 412.0 MB: use fewer units or layers, or a smaller batch_size.")
        let data = MemoryBudgetError.dataTooLarge(what: "decompressed train-images-idx3-ubyte.gz", neededBytes: 47 * mb,
                                               availableBytes: 3 * mb, limit: .cgroup)
        XCTAssertEqual(data.description, "The decompressed train-images-idx3-ubyte.gz needs 47.0 MB but the cgroup's memory limit (memory.max) leaves 3.0 MB: raise the limit, free memory, or use a smaller data set.")
        let uncounted = MemoryBudgetError.modelTooLarge(what: "model", neededBytes: nil, availableBytes: 1 << 30)
        XCTAssertEqual(uncounted.description, "The model needs more bytes than can be counted but the machine's available memory (MemAvailable) leaves 1.0 GB: use fewer units or layers, or a smaller batch_size.")
    }

    func testReservesAddUp() {
        let one = LibraryReserve(addressSpace: 3, data: 2, resident: 1)
        XCTAssertEqual(one + one, LibraryReserve(addressSpace: 6, data: 4, resident: 2))
        XCTAssertGreaterThanOrEqual(LibraryReserve.withHelper.addressSpace, LibraryReserve.calling.addressSpace + LibraryReserve.stack)
    }

    func testOpenBLASBuffersAreCountedInTheMaps() {
        let maps = """
        7f0000000000-7f0008000000 rw-p 00000000 00:00 0
        7f0008000000-7f0010001000 rw-p 00000000 00:00 0
        7f0010001000-7f0010002000 rw-p 00000000 00:00 0
        7f0020000000-7f0028000000 r--p 00000000 08:01 1234 /usr/lib/libfoo.so
        7f0030000000-7f0034000000 rw-p 00000000 00:00 0
        7f3440000000-7f3450000000 rw-p 00000000 00:00 0
        """
        XCTAssertEqual(OpenBLASBuffers.count(inMaps: maps), 4, "two alone, two merged into one mapping")
    }

    func testProcFieldsParseTabsAndSpaces() {
        let fields = ProcFile.parse("Name:\tfolio\nVmSize:\t  543224 kB\nMemAvailable:   1024 kB\nThreads:\t3\n")
        XCTAssertEqual(fields["VmSize"], 543_224 * 1024)
        XCTAssertEqual(fields["MemAvailable"], 1024 * 1024)
        XCTAssertNil(fields["Threads"])
        XCTAssertNil(fields["Name"])
    }

    func testTheLiveReadingsSeeThisProcess() {
        let readings = MemoryReadings.current()
        XCTAssertNotNil(readings.addressSpaceUsed)
        XCTAssertNotNil(readings.residentUsed)
        XCTAssertNotNil(readings.memAvailable)
    }
}
