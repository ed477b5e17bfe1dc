// Code generated from tcpdump 4.99.3's mib.h (the MIB compiled into
// print-snmp.c when built without libsmi); DO NOT EDIT.

package printer

// snmpMIBNames holds the object names back to back; snmpMIB[i].end is
// where name i ends. Nodes are in depth-first order from iso (0), each
// with its first child and next sibling in mib.h's list order (-1: none).
const snmpMIBNames = "isoorgdodinternetsnmpV2snmpModulessnmpUsmMIBusmMIBConformanceusmMIBGroupsusmMIBCompliances" +
	"usmMIBObjectsusmUserusmUserTableusmUserEntryusmUserStatususmUserStorageTypeusmUserPublic" +
	"usmUserOwnPrivKeyChangeusmUserPrivKeyChangeusmUserPrivProtocolusmUserOwnAuthKeyChange" +
	"usmUserAuthKeyChangeusmUserAuthProtocolusmUserCloneFromusmUserSecurityNameusmUserName" +
	"usmUserEngineIDusmUserSpinLockusmStatsusmStatsDecryptionErrorsusmStatsWrongDigests" +
	"usmStatsUnknownEngineIDsusmStatsUnknownUserNamesusmStatsNotInTimeWindows" +
	"usmStatsUnsupportedSecLevelssnmpMPDMIBsnmpMPDMIBConformancesnmpMPDMIBGroups" +
	"snmpMPDMIBCompliancessnmpMPDMIBObjectssnmpMPDStatssnmpUnknownPDUHandlerssnmpInvalidMsgs" +
	"snmpUnknownSecurityModelssnmpMPDAdminsnmpFrameworkMIBsnmpFrameworkMIBConformance" +
	"snmpFrameworkMIBObjectssnmpEnginesnmpEngineMaxMessageSizesnmpEngineTimesnmpEngineBoots" +
	"snmpEngineIDsnmpFrameworkAdminsecurityprivateenterprisesccurultraohiostatesnmpresearch" +
	"emergingtechsigmacernallenbradleynokiafrontierwebstercomputerlearningtreeinterconrndnyu" +
	"linknetworkappltechdatabilitypirellifocomraycomncdlannetauspexiclnetlabshplanman" +
	"digitalanalysisungermannbassattboeingretixnasalocustmaccornellreuterdavidsystemsdartmouth" +
	"gandalfapplefibercommeritubcsilicongraphicstgvmipscastlerockssdsdesktalksystemsapollo" +
	"cabletrongatedopticaldatasystemschipcommcncprimecheyennesynopticscmc3comsunsrinmfeccllnl" +
	"baylornetworkresearchcorptouchdecbellnorthernresearchcrayxyplexsantacruzoperationnswculana" +
	"vitalinkinterlanintergraphsyteknsfnetspiderexcelanspartacuseonmittrwwellfleetcanstarunisys" +
	"xylogicsbbnutennesseeepiloguehpnsccisconysernetcaymantwgaccunixcmuibmproteonexperimental" +
	"mgmtmibsnmpsnmpEnableAuthTrapssnmpOutTrapssnmpOutGetResponsessnmpOutSetRequests" +
	"snmpOutGetNextssnmpOutGetRequestssnmpOutGenErrssnmpOutReadOnlyssnmpOutBadValues" +
	"snmpOutNoSuchNamessnmpOutTooBigssnmpInTrapssnmpInGetResponsessnmpInSetRequests" +
	"snmpInGetNextssnmpInGetRequestssnmpInTotalSetVarssnmpInTotalReqVarssnmpInGenErrs" +
	"snmpInReadOnlyssnmpInBadValuessnmpInNoSuchNamessnmpInTooBigssnmpInBadTypes" +
	"snmpInASNParseErrssnmpInBadCommunityUsessnmpInBadCommunityNamessnmpInBadVersions" +
	"snmpOutPktssnmpInPktstransmissionegpegpAsegpNeighTableegpNeighEntryegpNeighEventTrigger" +
	"egpNeighModeegpNeighIntervalPollegpNeighIntervalHelloegpNeighStateDownsegpNeighStateUps" +
	"egpNeighOutErrMsgsegpNeighInErrMsgsegpNeighOutErrsegpNeighOutMsgsegpNeighInErrs" +
	"egpNeighInMsgsegpNeighAsegpNeighAddregpNeighStateegpOutErrorsegpOutMsgsegpInErrors" +
	"egpInMsgsudpudpTableudpEntryudpLocalPortudpLocalAddressudpOutDatagramsudpInErrors" +
	"udpNoPortsudpInDatagramstcptcpOutRststcpInErrstcpConnTabletcpConnEntrytcpConnRemPort" +
	"tcpConnRemAddresstcpConnLocalPorttcpConnLocalAddresstcpConnStatetcpRetransSegstcpOutSegs" +
	"tcpInSegstcpCurrEstabtcpEstabResetstcpAttemptFailstcpPassiveOpenstcpActiveOpenstcpMaxConn" +
	"tcpRtoMaxtcpRtoMintcpRtoAlgorithmicmpicmpOutAddrMaskRepsicmpOutAddrMasks" +
	"icmpOutTimestampRepsicmpOutTimestampsicmpOutEchoRepsicmpOutEchosicmpOutRedirects" +
	"icmpOutSrcQuenchsicmpOutParmProbsicmpOutTimeExcdsicmpOutDestUnreachsicmpOutErrors" +
	"icmpOutMsgsicmpInAddrMaskRepsicmpInAddrMasksicmpInTimestampRepsicmpInTimestamps" +
	"icmpInEchoRepsicmpInEchosicmpInRedirectsicmpInSrcQuenchsicmpInParmProbsicmpInTimeExcds" +
	"icmpInDestUnreachsicmpInErrorsicmpInMsgsipipNetToMediaTableipNetToMediaEntry" +
	"ipNetToMediaTypeipNetToMediaNetAddressipNetToMediaPhysAddressipNetToMediaIfIndex" +
	"ipRoutingTableipRouteEntryipRouteMaskipRouteAgeipRouteProtoipRouteTypeipRouteNextHop" +
	"ipRouteMetric4ipRouteMetric3ipRouteMetric2ipRouteMetric1ipRouteIfIndexipRouteDest" +
	"ipAddrTableipAddrEntryipAdEntReasmMaxSizeipAdEntBcastAddripAdEntNetMaskipAdEntIfIndex" +
	"ipAdEntAddripFragCreatesipFragFailsipFragOKsipReasmFailsipReasmOKsipReasmReqds" +
	"ipReasmTimeoutipOutNoRoutesipOutDiscardsipOutRequestsipInDeliversipInDiscards" +
	"ipInUnknownProtosipForwDatagramsipInAddrErrorsipInHdrErrorsipInReceivesipDefaultTTL" +
	"ipForwardingatatTableatEntryatNetAddressatPhysAddressatIfIndexinterfacesifTableifEntry" +
	"ifSpecificifOutQLenifOutErrorsifOutDiscardsifOutNUcastPktsifOutUcastPktsifOutOctets" +
	"ifInUnknownProtosifInErrorsifInDiscardsifInNUcastPktsifInUcastPktsifInOctetsifLastChange" +
	"ifOperStatusifAdminStatusifPhysAddressifSpeedifMtuifTypeifDescrifIndexifNumbersystem" +
	"sysServicessysLocationsysNamesysContactsysUpTimesysObjectIDsysDescrdirectory"

var snmpMIB = [...]struct {
	end         uint16
	oid         uint8
	child, next int16
}{
	{3, 1, 1, -1}, {6, 3, 2, -1}, {9, 6, 3, -1}, {17, 1, 4, -1}, {23, 6, 5, 54}, {34, 3, 6, -1},
	{44, 15, 7, 35}, {61, 2, 8, 10}, {73, 2, -1, 9}, {90, 1, -1, -1}, {103, 1, 11, -1}, {110, 2, 12, 28},
	{122, 2, 13, 27}, {134, 1, 14, -1}, {147, 13, -1, 15}, {165, 12, -1, 16}, {178, 11, -1, 17}, {201, 10, -1, 18},
	{221, 9, -1, 19}, {240, 8, -1, 20}, {263, 7, -1, 21}, {283, 6, -1, 22}, {302, 5, -1, 23}, {318, 4, -1, 24},
	{337, 3, -1, 25}, {348, 2, -1, 26}, {363, 1, -1, -1}, {378, 1, -1, -1}, {386, 1, 29, -1}, {410, 6, -1, 30},
	{430, 5, -1, 31}, {454, 4, -1, 32}, {478, 3, -1, 33}, {502, 2, -1, 34}, {530, 1, -1, -1}, {540, 11, 36, 45},
	{561, 3, 37, 39}, {577, 2, -1, 38}, {598, 1, -1, -1}, {615, 2, 40, 44}, {627, 1, 41, -1}, {649, 3, -1, 42},
	{664, 2, -1, 43}, {689, 1, -1, -1}, {701, 1, -1, -1}, {717, 10, 46, -1}, {744, 3, -1, 47}, {767, 2, 48, 53},
	{777, 1, 49, -1}, {801, 4, -1, 50}, {815, 3, -1, 51}, {830, 2, -1, 52}, {842, 1, -1, -1}, {860, 1, -1, -1},
	{868, 5, -1, 55}, {875, 4, 56, 159}, {886, 1, 57, -1}, {890, 136, -1, 58}, {895, 101, -1, 59}, {904, 100, -1, 60},
	{916, 99, -1, 61}, {928, 98, -1, 62}, {933, 97, -1, 63}, {937, 96, -1, 64}, {949, 95, -1, 65}, {954, 94, -1, 66},
	{962, 93, -1, 67}, {977, 92, -1, 68}, {989, 91, -1, 69}, {997, 90, -1, 70}, {1000, 89, -1, 71}, {1003, 88, -1, 72},
	{1007, 87, -1, 73}, {1022, 86, -1, 74}, {1032, 85, -1, 75}, {1044, 84, -1, 76}, {1050, 83, -1, 77}, {1053, 82, -1, 78},
	{1059, 81, -1, 79}, {1065, 80, -1, 80}, {1068, 79, -1, 81}, {1075, 78, -1, 82}, {1083, 77, -1, 83}, {1098, 76, -1, 84},
	{1111, 75, -1, 85}, {1114, 74, -1, 86}, {1120, 73, -1, 87}, {1125, 72, -1, 88}, {1129, 71, -1, 89}, {1134, 70, -1, 90},
	{1138, 69, -1, 91}, {1145, 68, -1, 92}, {1151, 67, -1, 93}, {1163, 66, -1, 94}, {1172, 65, -1, 95}, {1179, 64, -1, 96},
	{1184, 63, -1, 97}, {1192, 62, -1, 98}, {1197, 61, -1, 99}, {1200, 60, -1, 100}, {1215, 59, -1, 101}, {1218, 58, -1, 102},
	{1222, 57, -1, 103}, {1232, 56, -1, 104}, {1236, 55, -1, 105}, {1251, 54, -1, 106}, {1257, 53, -1, 107}, {1266, 52, -1, 108},
	{1271, 51, -1, 109}, {1289, 50, -1, 110}, {1296, 49, -1, 111}, {1300, 48, -1, 112}, {1305, 47, -1, 113}, {1313, 46, -1, 114},
	{1322, 45, -1, 115}, {1325, 44, -1, 116}, {1329, 43, -1, 117}, {1332, 42, -1, 118}, {1335, 41, -1, 119}, {1345, 40, -1, 120},
	{1351, 39, -1, 121}, {1370, 38, -1, 122}, {1375, 37, -1, 123}, {1378, 36, -1, 124}, {1398, 35, -1, 125}, {1402, 34, -1, 126},
	{1408, 33, -1, 127}, {1426, 32, -1, 128}, {1430, 31, -1, 129}, {1435, 30, -1, 130}, {1443, 29, -1, 131}, {1451, 28, -1, 132},
	{1461, 27, -1, 133}, {1466, 26, -1, 134}, {1472, 25, -1, 135}, {1478, 24, -1, 136}, {1485, 23, -1, 137}, {1494, 22, -1, 138},
	{1497, 21, -1, 139}, {1500, 20, -1, 140}, {1503, 19, -1, 141}, {1512, 18, -1, 142}, {1519, 17, -1, 143}, {1525, 16, -1, 144},
	{1533, 15, -1, 145}, {1536, 14, -1, 146}, {1546, 13, -1, 147}, {1554, 12, -1, 148}, {1556, 11, -1, 149}, {1559, 10, -1, 150},
	{1564, 9, -1, 151}, {1572, 8, -1, 152}, {1578, 7, -1, 153}, {1581, 6, -1, 154}, {1584, 5, -1, 155}, {1588, 4, -1, 156},
	{1591, 3, -1, 157}, {1594, 2, -1, 158}, {1601, 1, -1, -1}, {1613, 3, -1, 160}, {1617, 2, 161, 361}, {1620, 1, 162, -1},
	{1624, 11, 163, 193}, {1643, 30, -1, 164}, {1655, 29, -1, 165}, {1674, 28, -1, 166}, {1692, 27, -1, 167}, {1707, 26, -1, 168},
	{1725, 25, -1, 169}, {1739, 24, -1, 170}, {1755, 23, -1, 171}, {1771, 22, -1, 172}, {1789, 21, -1, 173}, {1803, 20, -1, 174},
	{1814, 19, -1, 175}, {1832, 18, -1, 176}, {1849, 17, -1, 177}, {1863, 16, -1, 178}, {1880, 15, -1, 179}, {1898, 14, -1, 180},
	{1916, 13, -1, 181}, {1929, 12, -1, 182}, {1944, 11, -1, 183}, {1959, 10, -1, 184}, {1976, 9, -1, 185}, {1989, 8, -1, 186},
	{2003, 7, -1, 187}, {2021, 6, -1, 188}, {2043, 5, -1, 189}, {2066, 4, -1, 190}, {2083, 3, -1, 191}, {2094, 2, -1, 192},
	{2104, 1, -1, -1}, {2116, 10, -1, 194}, {2119, 8, 195, 217}, {2124, 6, -1, 196}, {2137, 5, 197, 213}, {2150, 1, 198, -1},
	{2170, 15, -1, 199}, {2182, 14, -1, 200}, {2202, 13, -1, 201}, {2223, 12, -1, 202}, {2241, 11, -1, 203}, {2257, 10, -1, 204},
	{2275, 9, -1, 205}, {2292, 8, -1, 206}, {2307, 7, -1, 207}, {2322, 6, -1, 208}, {2336, 5, -1, 209}, {2350, 4, -1, 210},
	{2360, 3, -1, 211}, {2372, 2, -1, 212}, {2385, 1, -1, -1}, {2397, 4, -1, 214}, {2407, 3, -1, 215}, {2418, 2, -1, 216},
	{2427, 1, -1, -1}, {2430, 7, 218, 226}, {2438, 5, 219, 222}, {2446, 1, 220, -1}, {2458, 2, -1, 221}, {2473, 1, -1, -1},
	{2488, 4, -1, 223}, {2499, 3, -1, 224}, {2509, 2, -1, 225}, {2523, 1, -1, -1}, {2526, 6, 227, 248}, {2536, 15, -1, 228},
	{2545, 14, -1, 229}, {2557, 13, 230, 236}, {2569, 1, 231, -1}, {2583, 5, -1, 232}, {2600, 4, -1, 233}, {2616, 3, -1, 234},
	{2635, 2, -1, 235}, {2647, 1, -1, -1}, {2661, 12, -1, 237}, {2671, 11, -1, 238}, {2680, 10, -1, 239}, {2692, 9, -1, 240},
	{2706, 8, -1, 241}, {2721, 7, -1, 242}, {2736, 6, -1, 243}, {2750, 5, -1, 244}, {2760, 4, -1, 245}, {2769, 3, -1, 246},
	{2778, 2, -1, 247}, {2793, 1, -1, -1}, {2797, 5, 249, 275}, {2816, 26, -1, 250}, {2832, 25, -1, 251}, {2852, 24, -1, 252},
	{2869, 23, -1, 253}, {2884, 22, -1, 254}, {2896, 21, -1, 255}, {2912, 20, -1, 256}, {2929, 19, -1, 257}, {2945, 18, -1, 258},
	{2961, 17, -1, 259}, {2980, 16, -1, 260}, {2993, 15, -1, 261}, {3004, 14, -1, 262}, {3022, 13, -1, 263}, {3037, 12, -1, 264},
	{3056, 11, -1, 265}, {3072, 10, -1, 266}, {3086, 9, -1, 267}, {3097, 8, -1, 268}, {3112, 7, -1, 269}, {3128, 6, -1, 270},
	{3143, 5, -1, 271}, {3158, 4, -1, 272}, {3176, 3, -1, 273}, {3188, 2, -1, 274}, {3198, 1, -1, -1}, {3200, 4, 276, 321},
	{3217, 22, 277, 282}, {3234, 1, 278, -1}, {3250, 4, -1, 279}, {3272, 3, -1, 280}, {3295, 2, -1, 281}, {3314, 1, -1, -1},
	{3328, 21, 283, 295}, {3340, 1, 284, -1}, {3351, 11, -1, 285}, {3361, 10, -1, 286}, {3373, 9, -1, 287}, {3384, 8, -1, 288},
	{3398, 7, -1, 289}, {3412, 6, -1, 290}, {3426, 5, -1, 291}, {3440, 4, -1, 292}, {3454, 3, -1, 293}, {3468, 2, -1, 294},
	{3479, 1, -1, -1}, {3490, 20, 296, 302}, {3501, 1, 297, -1}, {3520, 5, -1, 298}, {3536, 4, -1, 299}, {3550, 3, -1, 300},
	{3564, 2, -1, 301}, {3575, 1, -1, -1}, {3588, 19, -1, 303}, {3599, 18, -1, 304}, {3608, 17, -1, 305}, {3620, 16, -1, 306},
	{3630, 15, -1, 307}, {3642, 14, -1, 308}, {3656, 13, -1, 309}, {3669, 12, -1, 310}, {3682, 11, -1, 311}, {3695, 10, -1, 312},
	{3707, 9, -1, 313}, {3719, 8, -1, 314}, {3736, 7, -1, 315}, {3751, 6, -1, 316}, {3765, 5, -1, 317}, {3778, 4, -1, 318},
	{3790, 3, -1, 319}, {3802, 2, -1, 320}, {3814, 1, -1, -1}, {3816, 3, 322, 327}, {3823, 1, 323, -1}, {3830, 1, 324, -1},
	{3842, 3, -1, 325}, {3855, 2, -1, 326}, {3864, 1, -1, -1}, {3874, 2, 328, 353}, {3881, 2, 329, 352}, {3888, 1, 330, -1},
	{3898, 22, -1, 331}, {3907, 21, -1, 332}, {3918, 20, -1, 333}, {3931, 19, -1, 334}, {3946, 18, -1, 335}, {3960, 17, -1, 336},
	{3971, 16, -1, 337}, {3988, 15, -1, 338}, {3998, 14, -1, 339}, {4010, 13, -1, 340}, {4024, 12, -1, 341}, {4037, 11, -1, 342},
	{4047, 10, -1, 343}, {4059, 9, -1, 344}, {4071, 8, -1, 345}, {4084, 7, -1, 346}, {4097, 6, -1, 347}, {4104, 5, -1, 348},
	{4109, 4, -1, 349}, {4115, 3, -1, 350}, {4122, 2, -1, 351}, {4129, 1, -1, -1}, {4137, 1, -1, -1}, {4143, 1, 354, -1},
	{4154, 7, -1, 355}, {4165, 6, -1, 356}, {4172, 5, -1, 357}, {4182, 4, -1, 358}, {4191, 3, -1, 359}, {4202, 2, -1, 360},
	{4210, 1, -1, -1}, {4219, 1, -1, -1},
}

// The nodes of the abbreviated prefixes (obj_abrev_list).
const (
	snmpMIBMgmt         = 161
	snmpMIBEnterprises  = 56
	snmpMIBExperimental = 159
	snmpMIBModules      = 5
)
