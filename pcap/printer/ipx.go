package printer

import (
	"fmt"
	"strings"
)

// Novell IPX (print-ipx.c): the IPX header, SAP and RIP.

// ipxSAPNames is addrtoname.c's ipxsap_db ("|" + 4 hex digits + name),
// used when names are resolved (tcpdump loads it unless -n).
const ipxSAPNames = "|" +
	"0000Unknown|0001User|0002User Group|0003PrintQueue|0004FileServer|0005JobServer|0006Gateway|" +
	"0007PrintServer|0008ArchiveQueue|0009ArchiveServer|000aJobQueue|000bAdministration|000fNovell TI-RPC|" +
	"0017Diagnostics|0020NetBIOS|0021NAS SNA Gateway|0023NACS AsyncGateway|" +
	"0024RemoteBridge/RoutingService|0026BridgeServer|0027TCP/IP Gateway|" +
	"0028Point-to-point X.25 BridgeServer|00293270 Gateway|002aCHI Corp|002cPC Chalkboard|" +
	"002dTimeSynchServer|002eARCserve5.0/PalindromeBackup|0045DI3270 Gateway|0047AdvertisingPrintServer|" +
	"004aNetBlazerModems|004bBtrieveVAP|004cNetwareSQL|004dXtreeNetwork|0050BtrieveVAP4.11|0052QuickLink|" +
	"0053PrintQueueUser|0058Multipoint X.25 Router|0060STLB/NLM|0064ARCserve|0066ARCserve3.0|" +
	"0072WAN CopyUtility|007aTES-NetwareVMS|0092WATCOM Debugger/EmeraldTapeBackupServer|0095DDA OBGYN|" +
	"0098NetwareAccessServer|009aNetware for VMS II/NamedPipeServer|009bNetwareAccessServer|" +
	"009ePortableNetwareServer/SunLinkNVT|00a1PowerchuteAPC UPS|00aaLAWserve|00acCompaqIDA StatusMonitor|" +
	"0100PIPE STAIL|0102LAN ProtectBindery|0103OracleDataBaseServer|0107Netware386/RSPX RemoteConsole|" +
	"010fNovellSNA Gateway|0111TestServer|0112HP PrintServer|0114CSA MUX|0115CSA LCA|0116CSA CM|" +
	"0117CSA SMA|0118CSA DBA|0119CSA NMA|011aCSA SSA|011bCSA STATUS|011eCSA APPC|0126SNA TEST SSA Profile|" +
	"012aCSA TRACE|012bNetwareSAA|012eIKARUS VirusScan|0130CommunicationsExecutive|" +
	"0133NNS DomainServer/NetwareNamingServicesDomain|0135NetwareNamingServicesProfile|" +
	"0137Netware386 PrintQueue/NNS PrintQueue|0141LAN SpoolServer|0152IRMALAN Gateway|0154NamedPipeServer|" +
	"0166NetWareManagement|0168Intel PICKIT CommServer/Intel CAS TalkServer|0173Compaq|" +
	"0174Compaq SNMP Agent|0175Compaq|0180XTreeServer/XTreeTools|018aNASI ServicesBroadcastServer|" +
	"01b0GARP Gateway|01b1Binfview|01bfIntelLanDeskManager|01caAXTEC|01cbShivaNetModem/E|" +
	"01ccShivaLanRover/E|01cdShivaLanRover/T|01ceShivaUniversal|01d8CastelleFAXPressServer|" +
	"01daCastelleLANPressPrintServer|01dcCastelleFAX/Xerox7033 FaxServer/ExcelLanFax|01f0LEGATO|" +
	"01f5LEGATO|0233NMS Agent/NetwareManagementAgent|0237NMS IPX Discovery/LANternReadWriteChannel|" +
	"0238NMS IP Discovery/LANternTrapAlarmChannel|023aLANtern|023cMAVERICK|023fNovellSMDR|" +
	"024eNetwareConnect|024fNASI ServerBroadcast Cisco|026aNMS ServiceConsole|" +
	"026bTimeSynchronizationServer Netware 4.x|0278DirectoryServer Netware 4.x|027bNetwareManagementAgent|" +
	"0280Novell File and Printer Sharing Service for PC|0304NovellSAA Gateway|0308COM/VERMED|" +
	"030aGalacticommWorldgroupServer|030cIntelNetport2/HP JetDirect/HP Quicksilver|0320AttachmateGateway|" +
	"0327MicrosoftDiagnostiocs|0328WATCOM SQL Server|0335MultiTechSystems MultisynchCommServer|" +
	"0343Xylogics RemoteAccessServer/LANModem|0355ArcadaBackupExec|0358MSLCD1|0361NETINELO|" +
	"037ePowerchute UPS Monitoring|037fViruSafeNotify|0386HP Bridge|0387HP Hub|0394NetWare SAA Gateway|" +
	"039bLotusNotes|03b7CertusAntiVirus|03c4ARCserve4.0|03c7LANspool3.5|03d7LexmarkPrinterServer|" +
	"03d8LexmarkXLE PrinterServer|03ddBanyanENS NetwareClient|03deGuptaSequelBaseServer/NetWareSQL|" +
	"03e1UnivelUnixware|03e4UnivelUnixware|03fcIntelNetport|03fdPrintServerQueue|040aipnServer|" +
	"040dLVERRMAN|040eLVLIC|0414NET Silicon (DPI)/Kyocera|0429SiteLockVirus|0432UFHELPR???|" +
	"0433Synoptics281xAdvancedSNMPAgent|0444MicrosoftNT SNA Server|0448Oracle|044cARCserve5.01|" +
	"0457CanonGP55|045aQMS Printers|045bDellSCSI Array|0491NetBlazerModems|04acOnTimeScheduler|04b0CD-Net|" +
	"0513EmulexNQA|0520SiteLockChecks|0529SiteLockChecks|052dCitrixOS2 AppServer|0535Tektronix|0536Milan|" +
	"055dAttachmate SNA gateway|056bIBM8235 ModemServer|056cShivaLanRover/E PLUS|056dShivaLanRover/T PLUS|" +
	"0580McAfeeNetShield|05b8NLM to workstation communication (Revelation Software)|" +
	"05baCompatibleSystemsRouters|05beCheyenneHierarchicalStorageManager|0606JCWatermarkImaging|" +
	"060cAXISNetworkPrinter|0610AdaptecSCSIManagement|0621IBM AntiVirus|" +
	"0640Windows95 RemoteRegistryService|064eMicrosoftIIS|" +
	"067bMicrosoft Win95/98 File and Print Sharing for NetWare|" +
	"067cMicrosoft Win95/98 File and Print Sharing for NetWare|076cXerox|079bShivaLanRover/E 115|" +
	"079cShivaLanRover/T 115|07b4CubixWorldDesk|07c2Quarterdeck IWare Connect V2.x NLM|" +
	"07c1Quarterdeck IWare Connect V3.x NLM|0810ELAN License Server Demo|0824ShivaLanRoverAccessSwitch/E|" +
	"086aISSC Collector|087fISSC DAS AgentAIX|0880Intel Netport PRO|0881Intel Netport PRO|0b29SiteLock|" +
	"0c29SiteLockApplications|0c2cLicensingServer|2101PerformanceTechnologyInstantInternet|" +
	"2380LAI SiteLock|238cMeetingMaker|4808SiteLockServer/SiteLockMetering|5555SiteLockUser|6312Tapeware|" +
	"6f00RabbitGateway|7703MODEM|8002NetPortPrinters|8008WordPerfectNetworkVersion|85beCisco EIGRP|" +
	"8888WordPerfectNetworkVersion/QuickNetworkManagement|9000McAfeeNetShield|9604CSA-NT_MON|" +
	"b6a8OceanIsleReachoutRemoteControl|f11fSiteLockMetering|f1ffSiteLock|f503Microsoft SQL Server|" +
	"f905IBM TimeAndPlace|fbfbTopCallIII FaxServer|ffffAnyService/Wildcard|"

// ipxSAP is ipxsap_string: the service name, or 4 hex digits.
func (p *Printer) ipxSAP(v uint16) string {
	key := fmt.Sprintf("%04x", v)
	if p.o.NoResolve == 0 {
		if i := strings.Index(ipxSAPNames, "|"+key); i >= 0 {
			name := ipxSAPNames[i+5:]
			return name[:strings.IndexByte(name, '|')]
		}
	}
	return key
}

// ipxAddr is ipxaddr_string: net.node.
func (p *Printer) ipxAddr(b []byte, off int) string {
	net := p.u32(b, off)
	n := p.bytes(b, off+4, 6)
	return fmt.Sprintf("%08x.%02x:%02x:%02x:%02x:%02x:%02x", net, n[0], n[1], n[2], n[3], n[4], n[5])
}

// ipx is ipx_print.
func (p *Printer) ipx(b []byte) {
	p.enter("ipx")
	if !p.o.Ether {
		p.puts("IPX ")
	}
	src := p.ipxAddr(b, 18)
	p.printf("%s.%04x > ", src, p.u16(b, 28))
	dst := p.ipxAddr(b, 6)
	p.printf("%s.%04x: ", dst, p.u16(b, 16))
	length := int(p.u16(b, 2))
	if length < 30 {
		p.printf("[length %d < 30]", length)
		p.invalid()
		return
	}
	data, length := b[30:], length-30
	switch skt := p.u16(b, 16); skt {
	case 0x0451:
		p.printf("ipx-ncp %d", length)
	case 0x0452:
		p.ipxSAPPrint(data, length)
	case 0x0453:
		p.ipxRIP(data, length)
	case 0x0455:
		p.printf("ipx-netbios %d", length)
	case 0x0456:
		p.printf("ipx-diags %d", length)
	case 0x0553:
		p.printf("ipx-nwlink-dgm %d", length)
	case 0x85be:
		p.unsupport("eigrp")
	default:
		p.printf("ipx-#%x %d", skt, length)
	}
}

// ipxCmd reads the 2-byte command of SAP and RIP (ND_ICHECK_U(length, <, 2)).
func (p *Printer) ipxCmd(b []byte, length int) (uint16, bool) {
	cmd := p.u16(b, 0)
	if length < 2 {
		p.printf(" [length %d < 2]", length)
		p.invalid()
		return 0, false
	}
	return cmd, true
}

func (p *Printer) ipxSAPPrint(b []byte, length int) {
	cmd, ok := p.ipxCmd(b, length)
	if !ok {
		return
	}
	off, length := 2, length-2
	switch cmd {
	case 1, 3:
		p.puts(cond(cmd == 1, "ipx-sap-req", "ipx-sap-nearest-req"))
		p.printf(" %s", p.ipxSAP(p.u16(b, off)))
	case 2, 4:
		p.puts(cond(cmd == 2, "ipx-sap-resp", "ipx-sap-nearest-resp"))
		for i := 0; i < 8 && length != 0; i++ {
			p.needHard(from(b, off), 2)
			if length < 2 {
				p.invalid()
				return
			}
			p.printf(" %s '", p.ipxSAP(p.u16(b, off)))
			off, length = off+2, length-2
			if length < 48 {
				p.puts("'")
				p.invalid()
				return
			}
			p.printJNP(b, off, 48)
			p.puts("'")
			off, length = off+48, length-48
			p.needHard(from(b, off), 10)
			if length < 10 {
				p.invalid()
				return
			}
			p.printf(" addr %s", p.ipxAddr(b, off))
			off, length = off+10, length-10
			p.needHard(from(b, off), 4)
			if length < 4 {
				p.invalid()
				return
			}
			off, length = off+4, length-4
		}
	default:
		p.printf("ipx-sap-?%x", cmd)
	}
}

func (p *Printer) ipxRIP(b []byte, length int) {
	cmd, ok := p.ipxCmd(b, length)
	if !ok {
		return
	}
	off, length := 2, length-2
	entry := func() {
		p.printf(" %08x/%d.%d", p.u32(b, off), p.u16(b, off+4), p.u16(b, off+6))
	}
	switch cmd {
	case 1:
		p.puts("ipx-rip-req")
		if length != 0 {
			if length < 8 {
				p.invalid()
				return
			}
			entry()
		}
	case 2:
		p.puts("ipx-rip-resp")
		for i := 0; i < 50 && length != 0; i++ {
			if length < 8 {
				p.invalid()
				return
			}
			entry()
			off, length = off+8, length-8
		}
	default:
		p.printf("ipx-rip-?%x", cmd)
	}
}
